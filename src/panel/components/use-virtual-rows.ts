import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type Rect,
  Virtualizer,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/**
 * Until the list has a size (a DevTools panel is laid out only once shown; happy-dom never lays
 * out), assume this viewport so the first paint shows rows instead of nothing.
 */
const FALLBACK_RECT: Rect = { width: 800, height: 600 };

function observeRectWithFallback(
  instance: Virtualizer<HTMLElement, HTMLElement>,
  cb: (rect: Rect) => void,
): undefined | (() => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT));
}

export interface VirtualRowsOptions {
  count: number;
  rowHeight: number;
  /** Height of the sticky header above the rows, inside the scroll element. */
  headerHeight: number;
  getScrollElement(): HTMLElement | null;
  getItemKey(index: number): string;
}

/**
 * Binds @tanstack/virtual-core to Preact, as @tanstack/react-virtual binds it to React: one
 * Virtualizer per list, options refreshed on every render, a re-render when the visible range
 * changes. Rows have one fixed height, so nothing is measured.
 */
export function useVirtualRows(options: VirtualRowsOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((tick: number) => tick + 1, 0);
  const resolved: VirtualizerOptions<HTMLElement, HTMLElement> = {
    count: options.count,
    getScrollElement: options.getScrollElement,
    getItemKey: options.getItemKey,
    estimateSize: () => options.rowHeight,
    overscan: 12,
    scrollMargin: options.headerHeight,
    scrollPaddingStart: options.headerHeight,
    initialRect: FALLBACK_RECT,
    scrollToFn: elementScroll,
    observeElementRect: observeRectWithFallback,
    observeElementOffset,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return virtualizer;
}
