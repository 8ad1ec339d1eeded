import type { Message } from '@/lib/bird/message';
import { usePrivacyMode } from '@/lib/privacy-mode';
import { CopyButton } from './copy-button';

/** The message as Perch read it from the API, collapsible, with copy. */
export function RawJson({ message }: { message: Message }) {
  const { privacy } = usePrivacyMode();
  const json = JSON.stringify(message, null, 2);
  if (privacy) {
    return (
      <section className="md-section" aria-labelledby="md-raw-title">
        <h2 id="md-raw-title">Raw JSON</h2>
        <p className="md-note">Hidden while privacy mode is on.</p>
      </section>
    );
  }
  return (
    <section className="md-section" aria-labelledby="md-raw-title">
      <div className="md-section-head">
        <h2 id="md-raw-title">Raw JSON</h2>
        <CopyButton value={json} label="Copy JSON" />
      </div>
      <details className="md-raw">
        <summary>Show the message as JSON</summary>
        <pre aria-label="Message JSON">{json}</pre>
      </details>
    </section>
  );
}
