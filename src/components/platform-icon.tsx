import type { ReactNode } from 'react';
import { isKnownPlatformId, type KnownPlatformId } from '@/lib/bird/common';
import { platformName } from './platform-name';
import './platform-icon.css';

export { platformName };

interface PlatformIconProps {
  platformId: string;
  /** Pixels; 16 by default. */
  size?: number;
  /**
   * When the platform's name is written next to the icon, the icon is hidden from
   * assistive technology; otherwise it is an image named after the platform.
   */
  decorative?: boolean;
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

/** Simple line drawings in the brand's colour (not the trademarked logos). */
const GLYPHS: Readonly<Record<KnownPlatformId, ReactNode>> = {
  'sms-messagebird': (
    <>
      <path {...stroke} d="M3 4.5h14v9H8l-4 3v-3H3z" />
      <path {...stroke} d="M6.5 9h.01M10 9h.01M13.5 9h.01" strokeWidth={2.2} />
    </>
  ),
  'email-messagebird': (
    <>
      <rect {...stroke} x="2.5" y="4.5" width="15" height="11" rx="1.5" />
      <path {...stroke} d="M3 5.5l7 5.5 7-5.5" />
    </>
  ),
  whatsapp: (
    <>
      <path {...stroke} d="M4 16.5l1-3.3A6.8 6.8 0 1 1 7.4 15.6z" />
      <path {...stroke} d="M8 7.5c0 2.5 2 4.5 4.5 4.5" />
    </>
  ),
  telegram: <path {...stroke} d="M2.5 9.5L17 3.5l-2.5 13-4.5-3.5-2.5 2.5v-4l7-6-8.5 5z" />,
  facebook: (
    <>
      <path {...stroke} d="M10 2.8a7.2 6.8 0 0 0-4.3 12.3V17.5l2.4-1.3a7.2 6.8 0 1 0 1.9-13.4z" />
      <path {...stroke} d="M5.8 11.5l3-3.2 2 2 3.4-2.3-3 3.3-2-2z" />
    </>
  ),
  instagram: (
    <>
      <rect {...stroke} x="3" y="3" width="14" height="14" rx="4" />
      <circle {...stroke} cx="10" cy="10" r="3.2" />
      <path {...stroke} d="M14 6h.01" strokeWidth={2.2} />
    </>
  ),
  line: (
    <>
      <path
        {...stroke}
        d="M10 3.5c4.1 0 7.5 2.6 7.5 5.9 0 3.9-5 6.8-7.6 7.9l.4-2C6 15.3 2.5 12.7 2.5 9.4 2.5 6.1 5.9 3.5 10 3.5z"
      />
      <path {...stroke} d="M6.5 8v3h1.6M9.5 8v3M11.5 11V8l2 3V8" strokeWidth={1.3} />
    </>
  ),
};

const UNKNOWN_GLYPH = (
  <>
    <circle {...stroke} cx="10" cy="10" r="7" />
    <path {...stroke} d="M8 8a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6 1v.6M10 13.8h.01" />
  </>
);

/** A small icon for a platform id, named for the platform unless `decorative`. */
export function PlatformIcon({ platformId, size = 16, decorative = false }: PlatformIconProps) {
  const known = isKnownPlatformId(platformId);
  const name = platformName(platformId);
  return (
    <svg
      className="platform-icon"
      data-platform={known ? platformId : 'unknown'}
      viewBox="0 0 20 20"
      width={size}
      height={size}
      focusable="false"
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': name })}
    >
      {decorative ? null : <title>{name}</title>}
      {known ? GLYPHS[platformId] : UNKNOWN_GLYPH}
    </svg>
  );
}
