import { splitTextLinks } from '../utils/text-links';

/** Plain text with its line breaks, web addresses shown in full as links (opened on click only). */
export function TextWithLinks({ text }: { text: string }) {
  return (
    <p className="md-text">
      {splitTextLinks(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a
            // The segments of one text never reorder: their position is their identity.
            key={index}
            href={segment.value}
            target="_blank"
            rel="noopener noreferrer nofollow"
          >
            {segment.value}
          </a>
        ) : (
          <span key={index}>{segment.value}</span>
        ),
      )}
    </p>
  );
}
