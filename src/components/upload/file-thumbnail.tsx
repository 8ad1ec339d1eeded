import { useCallback, useState } from 'react';

/**
 * A small preview of a local image file, from an object URL that lives exactly as long as
 * the <img> (created when React attaches the element, revoked when it detaches), or the
 * plain badge when the browser cannot decode it.
 */
export function FileThumbnail({ file, fallback }: { file: Blob; fallback: string }) {
  const [broken, setBroken] = useState(false);
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (img === null) return;
      const url = URL.createObjectURL(file);
      img.src = url;
      return () => {
        URL.revokeObjectURL(url);
      };
    },
    [file],
  );
  // A file whose signature is right but whose image data is not (a truncated photo, say)
  // gets the plain badge instead of a broken image.
  if (broken) return <KindBadge label={fallback} />;
  return (
    <img
      ref={attach}
      className="upload-thumbnail"
      alt=""
      width={48}
      height={48}
      onError={() => {
        setBroken(true);
      }}
    />
  );
}

/** The placeholder for files without a preview: the type's kind as a short tag. */
export function KindBadge({ label }: { label: string }) {
  return (
    <span className="upload-thumbnail upload-kind" aria-hidden="true">
      {label}
    </span>
  );
}
