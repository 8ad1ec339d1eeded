import { isKnownPlatformId } from '@/lib/bird/common';
import { platformName } from './platform-name';
import './platform-icon.css';

export { platformName };

interface PlatformIconProps {
  platformId: string;
  /**
   * When the platform's name is written next to the icon, the icon is hidden from
   * assistive technology; otherwise it is an image named after the platform.
   */
  decorative?: boolean;
}

/**
 * A small icon for a platform id (16 px), named for the platform unless `decorative`. The
 * drawing is the style sheet's (platform-icon.css, from one image of them all): the message
 * list shows one on every row a scroll brings in, and an image the style sheet names once
 * costs a new row nothing to load, where inline SVG took four elements to lay out and paint
 * and an <img> a load each.
 */
export function PlatformIcon({ platformId, decorative = false }: PlatformIconProps) {
  const platform = isKnownPlatformId(platformId) ? platformId : 'unknown';
  return decorative ? (
    <span className="platform-icon" data-platform={platform} aria-hidden="true" />
  ) : (
    <span
      className="platform-icon"
      data-platform={platform}
      role="img"
      aria-label={platformName(platformId)}
    />
  );
}
