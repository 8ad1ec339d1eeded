import {
  type PartialKeys,
  Virtualizer,
  type VirtualizerOptions,
  elementScroll,
  observeElementOffset,
  observeElementRect,
} from '@tanstack/react-virtual';
import { useLayoutEffect, useReducer, useState } from 'react';

export type RowVirtualizerOptions = PartialKeys<
  VirtualizerOptions<HTMLDivElement, Element>,
  'observeElementRect' | 'observeElementOffset' | 'scrollToFn'
>;

/**
 * TanStack Virtual's `useVirtualizer` for rows in a scrolling element, but a scroll renders
 * the rows coming into view as an ordinary React update (a task of its own, at the priority
 * React gives scroll events) instead of with `flushSync` inside the scroll event. The
 * frame that scrolls then only lays out and paints; the rows it reveals were rendered ahead
 * (the overscan), so nothing shows blank. With `flushSync`, every frame of a fast scroll did
 * both and, on a slow machine, ran past 50 ms.
 */
export function useRowVirtualizer(
  options: RowVirtualizerOptions,
): Virtualizer<HTMLDivElement, Element> {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const resolved: VirtualizerOptions<HTMLDivElement, Element> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    ...options,
    onChange: (instance, sync) => {
      rerender();
      options.onChange?.(instance, sync);
    },
  };
  const [instance] = useState(() => new Virtualizer(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), [instance]);
  useLayoutEffect(() => {
    instance._willUpdate();
  });
  return instance;
}
