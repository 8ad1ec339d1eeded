import type { Range } from '@tanstack/react-virtual';

/**
 * The rows to render for a virtualizer's visible `range`: its overscan ahead of a scroll,
 * but only `behind` rows on the side the list is scrolling away from (all of the overscan
 * both ways at rest). The rows left behind would be removed a few frames later anyway; not
 * rendering them keeps each frame's layout, paint and compositing smaller.
 */
export function directionalRange(
  range: Range,
  direction: 'forward' | 'backward' | null,
  behind: number,
): number[] {
  const back = Math.min(behind, range.overscan);
  const before = direction === 'forward' ? back : range.overscan;
  const after = direction === 'backward' ? back : range.overscan;
  const start = Math.max(range.startIndex - before, 0);
  const end = Math.min(range.endIndex + after, range.count - 1);
  return Array.from({ length: Math.max(end - start + 1, 0) }, (_, offset) => start + offset);
}
