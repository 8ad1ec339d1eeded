import { safeLinkUrl } from '@/lib/html/resource-url';

/**
 * A URL from a message: a link (new tab, no referrer) when it is http(s), mailto or tel,
 * and always with the full address visible; anything else (`javascript:` …) is only text.
 */
export function SafeLink({ url, text }: { url: string; text?: string | undefined }) {
  const href = safeLinkUrl(url);
  const shown = text === undefined || text === '' || text === url ? null : text;
  if (href === null) {
    return (
      <span className="md-unsafe-url">
        {shown === null ? null : <>{shown} </>}
        <code>{url}</code> <span className="md-note-inline">(not a web link, not clickable)</span>
      </span>
    );
  }
  return (
    <span>
      {shown === null ? null : <>{shown} </>}
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="md-url">
        {url}
      </a>
    </span>
  );
}
