import { useId } from 'react';
import { CopyButton } from '@/components/upload/copy-button';
import type { SendMessageRequestInput } from '@/lib/bird/send-body';
import { curlCommand } from '../utils/compose-form';

/** The exact JSON Send will post, and the same request as curl with a key placeholder. */
export function RequestPreview({
  request,
  url,
}: {
  request: SendMessageRequestInput;
  url: string;
}) {
  const jsonId = useId();
  const curlId = useId();
  const json = JSON.stringify(request, null, 2);
  const curl = curlCommand(url, request);
  return (
    <details className="compose-preview">
      <summary>Request preview</summary>
      <h3 id={jsonId}>JSON body</h3>
      <pre aria-labelledby={jsonId} className="compose-code">
        {json}
      </pre>
      <h3 id={curlId}>curl</h3>
      <pre aria-labelledby={curlId} className="compose-code">
        {curl}
      </pre>
      <CopyButton text={curl} describedBy={curlId} />
    </details>
  );
}
