/**
 * Response headers for media bytes (E11, E12). Uploaded files are whatever a client sent, so
 * they are served so that a browser never runs them: `nosniff`, and `attachment` unless the
 * type is an image, video or audio format a browser only displays. SVG can carry script, so
 * it is an attachment too. The filename is generated from the media id, never taken from
 * the upload.
 */

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/bmp': 'bmp',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'video/3gpp': '3gp',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/aac': 'aac',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/amr': 'amr',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/json': 'json',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** Types that may be displayed inline: media a browser renders without running anything. */
const NEVER_INLINE = new Set(['image/svg+xml']);
const inlinePattern = /^(image|video|audio)\//;

export function isInlineType(contentType: string): boolean {
  const type = contentType.toLowerCase();
  return inlinePattern.test(type) && !NEVER_INLINE.has(type);
}

/** `media-<id>.<ext>`; the id is a UUID checked by the route, the extension from a table. */
export function mediaFilename(mediaId: string, contentType: string): string {
  return `media-${mediaId}.${EXTENSIONS[contentType.toLowerCase()] ?? 'bin'}`;
}

export function mediaHeaders(
  mediaId: string,
  contentType: string,
  size: number,
): Record<string, string> {
  const disposition = isInlineType(contentType) ? 'inline' : 'attachment';
  return {
    'content-type': contentType,
    'content-length': String(size),
    'content-disposition': `${disposition}; filename="${mediaFilename(mediaId, contentType)}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private',
  };
}
