import {
  type PartialKeys,
  type Range,
  Virtualizer,
  defaultRangeExtractor,
  type VirtualizerOptions,
  elementScroll,
  observeElementOffset,
  observeElementRect,
} from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useReducer, useState } from 'react';
import { directionalRange } from '../utils/directional-range';

export type RowVirtualizerOptions = PartialKeys<
  VirtualizerOptions<HTMLDivElement, Element>,
  'observeElementRect' | 'observeElementOffset' | 'scrollToFn'
> & {
  /** Rows kept on the side the list scrolls away from (`overscan` on the side it scrolls to). */
  overscanBehind: number;
};

/**
 * TanStack Virtual's `useVirtualizer` for rows in a scrolling element, but a scroll renders
 * the rows coming into view as an ordinary React update (a task of its own, at the priority
 * React gives scroll events) instead of with `flushSync` inside the scroll event. The
 * frame that scrolls then only lays out and paints; the rows it reveals were rendered ahead
 * (the overscan), so nothing shows blank. With `flushSync`, every frame of a fast scroll did
 * both and, on a slow machine, ran past 50 ms. While the list scrolls, the overscan is
 * rendered ahead of it only, with `overscanBehind` rows on the side it leaves.
 */
export function useRowVirtualizer({
  overscanBehind,
  ...options
}: RowVirtualizerOptions): Virtualizer<HTMLDivElement, Element> {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const resolve = (
    rangeExtractor: (range: Range) => number[],
  ): VirtualizerOptions<HTMLDivElement, Element> => ({
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    rangeExtractor,
    ...options,
    onChange: (instance, sync) => {
      rerender();
      options.onChange?.(instance, sync);
    },
  });
  const [instance] = useState(() => new Virtualizer(resolve(defaultRangeExtractor)));
  // Every scroll step renders again (onChange), so the direction read here is current.
  const direction = instance.scrollDirection;
  const rangeExtractor = useCallback(
    (range: Range) => directionalRange(range, direction, overscanBehind),
    [direction, overscanBehind],
  );
  instance.setOptions(resolve(rangeExtractor));
  useLayoutEffect(() => instance._didMount(), [instance]);
  useLayoutEffect(() => {
    instance._willUpdate();
  });
  return instance;
}
