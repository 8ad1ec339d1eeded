import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { toPerchMediaPath } from '@/lib/api/media';
import { mediaSizeQueryOptions } from '@/lib/api/media-size';
import { safeDisplayName } from '@/lib/media/display-name';
import { formatBytes } from '@/lib/media/format';

/**
 * Media of a message, loaded through Perch's `/media/…` with the session's key. A URL that
 * is not on the connection's media server is never fetched: it is shown as text.
 */

export function ForeignMedia({ url }: { url: string }) {
  return (
    <p className="md-note">
      Not loaded: <code>{url}</code> is not on this connection&rsquo;s media server, so Perch does
      not fetch it.
    </p>
  );
}

/**
 * The file's size, read from the media server's headers (messages do not carry it); nothing
 * while it is unknown, rather than a guess.
 */
function MediaSize({ path }: { path: string }) {
  const size = useQuery(mediaSizeQueryOptions(path)).data;
  if (size === undefined || size === null) return null;
  return (
    <span className="md-file-size">
      <span className="visually-hidden">Size: </span>
      {formatBytes(size)}
    </span>
  );
}

interface MediaImageProps {
  url: string;
  alt: string;
  mediaBases: readonly string[];
  /** Names the viewer and the thumbnail's button ("Image 1 of 3"). */
  label: string;
}

/** A thumbnail that opens the image in a viewer; says so when the image does not load. */
export function MediaImage({ url, alt, mediaBases, label }: MediaImageProps) {
  const path = toPerchMediaPath(url, mediaBases);
  const [failed, setFailed] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  if (path === null) return <ForeignMedia url={url} />;
  if (failed) {
    return (
      <p className="md-note md-note-error" role="alert">
        {label} could not be loaded.
      </p>
    );
  }
  return (
    <figure className="md-image">
      <button
        type="button"
        className="md-image-thumb"
        aria-label={`View ${label.toLowerCase()}${alt === '' ? '' : `: ${alt}`}`}
        onClick={() => dialog.current?.showModal()}
      >
        <img
          src={path}
          alt={alt}
          onError={() => {
            setFailed(true);
          }}
        />
      </button>
      <MediaSize path={path} />
      {alt === '' ? null : <figcaption>{alt}</figcaption>}
      <dialog ref={dialog} className="md-viewer" aria-label={label}>
        <img src={path} alt={alt} />
        <button
          type="button"
          className="button"
          onClick={() => {
            dialog.current?.close();
          }}
        >
          Close
        </button>
      </dialog>
    </figure>
  );
}

/** A file: its name, type, size (when the media server tells) and a download link. */
export function MediaFile({
  url,
  contentType,
  filename,
  mediaBases,
}: {
  url: string;
  contentType: string | undefined;
  filename: string | undefined;
  mediaBases: readonly string[];
}) {
  const path = toPerchMediaPath(url, mediaBases);
  const fallbackName = (() => {
    try {
      return new URL(url).pathname.split('/').pop() ?? '';
    } catch {
      return '';
    }
  })();
  const { name } = safeDisplayName(filename ?? fallbackName);
  return (
    <li className="md-file">
      <span className="md-file-name">{name}</span>
      {contentType === undefined ? null : <span className="md-file-type">{contentType}</span>}
      {path === null ? null : <MediaSize path={path} />}
      {path === null ? (
        <ForeignMedia url={url} />
      ) : (
        <a className="button button-small" href={path} download={name}>
          Download {name}
        </a>
      )}
    </li>
  );
}

/** A message's attachments, each a {@link MediaFile}; nothing when there are none. */
export function AttachmentList({
  files,
  mediaBases,
}: {
  files:
    | readonly { mediaUrl: string; filename?: string | undefined; inline?: boolean | undefined }[]
    | undefined;
  mediaBases: readonly string[];
}) {
  if (files === undefined || files.length === 0) return null;
  return (
    <ul className="md-files" aria-label="Attachments">
      {files.map((file, index) => (
        <MediaFile
          key={`${file.mediaUrl}-${String(index)}`}
          url={file.mediaUrl}
          filename={file.filename}
          contentType={file.inline === true ? 'inline attachment' : undefined}
          mediaBases={mediaBases}
        />
      ))}
    </ul>
  );
}
