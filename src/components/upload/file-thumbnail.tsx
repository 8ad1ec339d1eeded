import { useCallback } from 'react';

/**
 * A small preview of a local image file, from an object URL that lives exactly as long as
 * the <img> (created when React attaches the element, revoked when it detaches).
 */
export function FileThumbnail({ file }: { file: Blob }) {
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
  return <img ref={attach} className="upload-thumbnail" alt="" width={48} height={48} />;
}

/** The placeholder for files without a preview: the type's kind as a short tag. */
export function KindBadge({ label }: { label: string }) {
  return (
    <span className="upload-thumbnail upload-kind" aria-hidden="true">
      {label}
    </span>
  );
}
