import { useId, useState } from 'react';
import { MediaUrlField } from '@/components/upload/media-url-field';
import { toPerchMediaPath } from '@/lib/api/media';
import { formatBytes } from '@/lib/media/format';
import type { UploadedMedia } from '../api/uploaded-media';
import { UseInComposerLink } from './use-in-composer-link';

interface UploadedMediaListProps {
  media: readonly UploadedMedia[];
  mediaBases: readonly string[];
}

/** Types a browser shows in an <img> without running anything (SVG is served as a download). */
const PREVIEWABLE = /^image\/(png|jpeg|gif|webp|avif|bmp)$/;

function UploadedMediaCard({
  item,
  mediaBases,
}: {
  item: UploadedMedia;
  mediaBases: readonly string[];
}) {
  const nameId = useId();
  const urlId = useId();
  const path = toPerchMediaPath(item.mediaUrl, mediaBases);
  const [previewFailed, setPreviewFailed] = useState(false);
  return (
    <li className="media-card">
      <div className="media-card-preview">
        {path !== null && PREVIEWABLE.test(item.contentType) && !previewFailed ? (
          <img
            src={path}
            alt={`Preview of ${item.name}`}
            loading="lazy"
            onError={() => {
              setPreviewFailed(true);
            }}
          />
        ) : (
          <span className="media-card-kind">{previewFailed ? 'No preview' : item.kind}</span>
        )}
      </div>
      <div className="media-card-body">
        <p id={nameId} className="media-card-name">
          {item.name}
        </p>
        <p className="media-card-meta">
          {formatBytes(item.size)} · <code>{item.contentType}</code>
        </p>
        <MediaUrlField id={urlId} mediaUrl={item.mediaUrl} describedBy={nameId}>
          {path === null ? null : (
            <a href={path} target="_blank" rel="noreferrer" aria-describedby={nameId}>
              Open
            </a>
          )}
          <UseInComposerLink media={item} describedBy={nameId} />
        </MediaUrlField>
      </div>
    </li>
  );
}

/** What this session uploaded, newest first, with previews loaded through `/media`. */
export function UploadedMediaList({ media, mediaBases }: UploadedMediaListProps) {
  const headingId = useId();
  return (
    <section className="media-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="media-section-title">
        Uploaded this session
      </h2>
      {media.length === 0 ? (
        <p className="media-empty">
          Nothing uploaded yet. Finished uploads appear here, with a preview for images.
        </p>
      ) : (
        <ul className="media-grid" aria-labelledby={headingId}>
          {media.map((item) => (
            <UploadedMediaCard key={item.mediaUrl} item={item} mediaBases={mediaBases} />
          ))}
        </ul>
      )}
    </section>
  );
}
