import type { ReactNode } from 'react';
import { maskContent, maskIdentifier, usePrivacyMode } from '@/lib/privacy-mode';

interface MaskedProps {
  /** What is shown when privacy mode is off. */
  value: string;
  /** `identifier`: keeps a hint of the value (`+31•••••••78`); `content`: hides it all. */
  kind: 'identifier' | 'content';
}

/**
 * A recipient or a piece of content that privacy mode hides. Screen readers hear
 * "hidden" instead of a row of dots.
 */
export function Masked({ value, kind }: MaskedProps) {
  const { privacy } = usePrivacyMode();
  return masked(value, kind, privacy);
}

/**
 * What `Masked` shows, for a caller that already knows whether privacy mode is on: the
 * message list reads it once for all its rows.
 */
export function masked(value: string, kind: MaskedProps['kind'], privacy: boolean): ReactNode {
  if (!privacy) return value;
  return (
    <span className="masked">
      <span aria-hidden="true">
        {kind === 'identifier' ? maskIdentifier(value) : maskContent(value)}
      </span>
      <span className="visually-hidden">
        {kind === 'identifier' ? 'hidden identifier' : 'hidden content'}
      </span>
    </span>
  );
}
