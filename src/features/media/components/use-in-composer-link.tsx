import { Link } from 'react-router';
import { composePrefillPath } from '@/lib/compose-prefill';
import type { UploadedMedia } from '../api/uploaded-media';

interface UseInComposerLinkProps {
  media: Pick<UploadedMedia, 'mediaUrl' | 'name' | 'contentType' | 'channelId'>;
  /** The id of the element that names the file. */
  describedBy: string;
}

/**
 * Opens the composer with this media: an image or file body by its type, or an attachment
 * when the saved draft is an email (the composer decides, and says what it did).
 */
export function UseInComposerLink({ media, describedBy }: UseInComposerLinkProps) {
  const to = composePrefillPath({
    mode: 'media',
    mediaUrl: media.mediaUrl,
    filename: media.name,
    contentType: media.contentType,
    ...(media.channelId === null ? {} : { channelId: media.channelId }),
  });
  return (
    <Link to={to} className="button" aria-describedby={describedBy}>
      Use in composer
    </Link>
  );
}
