import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ExchangeRecord } from '../../model/exchange-record';
import type { RequestId } from '../../model/ids';
import { ListHeader } from './list-header';
import { RequestRow } from './request-row';
import { useVirtualRows } from './use-virtual-rows';

/** Keep in step with `--row-height` in styles/base.css. */
export const ROW_HEIGHT = 20;

export interface RequestListProps {
  records: readonly ExchangeRecord[];
  selectedId: RequestId | null;
  /** The detail view is open beside the list: show fewer columns. */
  compact: boolean;
  onSelect(requestId: RequestId, open: boolean): void;
  onOpen(): void;
}

const PAGE = 20;

function nextIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return current < 0 ? count - 1 : Math.max(current - 1, 0);
    case 'PageDown':
      return Math.min(current + PAGE, count - 1);
    case 'PageUp':
      return Math.max(current - PAGE, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The requests as a virtualised grid: only the rows in view (plus a margin) are in the DOM, so
 * 10,000 requests scroll as smoothly as 10. Arrows, Page Up/Down, Home and End move the selection,
 * Enter opens the detail (Escape, handled by the detail, closes it).
 */
export function RequestList({ records, selectedId, compact, onSelect, onOpen }: RequestListProps) {
  const scroller = useRef<HTMLTableElement>(null);
  const virtualizer = useVirtualRows({
    count: records.length,
    rowHeight: ROW_HEIGHT,
    headerHeight: ROW_HEIGHT,
    getScrollElement: () => scroller.current,
    getItemKey: (index) => records[index]?.requestId ?? String(index),
  });
  // The list renders on every scroll step: look the selection up only when it or the list changes.
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : records.findIndex((record) => record.requestId === selectedId)),
    [records, selectedId],
  );

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && selectedIndex >= 0) onOpen();
    else {
      const index = nextIndex(event.key, selectedIndex, records.length);
      const record = index === null ? undefined : records[index];
      if (record === undefined) return;
      onSelect(record.requestId, false);
    }
    event.preventDefault();
  };

  return (
    <table
      ref={scroller}
      class={`list${compact ? ' compact' : ''}`}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA data grid pattern is a <table role="grid">; the grid owns the keyboard.
      role="grid"
      aria-label="Cross-origin requests"
      aria-rowcount={records.length + 1}
      aria-activedescendant={selectedId === null ? undefined : `row-${selectedId}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="request-list"
    >
      <ListHeader compact={compact} />
      <tbody class="rows" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const record = records[item.index];
          return record === undefined ? null : (
            <RequestRow
              key={record.requestId}
              record={record}
              index={item.index}
              top={item.start - ROW_HEIGHT}
              selected={record.requestId === selectedId}
              compact={compact}
              onSelect={(picked) => onSelect(picked.requestId, true)}
            />
          );
        })}
      </tbody>
    </table>
  );
}
