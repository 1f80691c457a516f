import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StackId } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import type { RequestId } from '../../model/ids';
import { sharedHost } from '../format/shared-host';
import type { AgreementState } from '../state/agreement';
import { ListHeader } from './list-header';
import { RequestRow } from './request-row';
import { RowMenu } from './row-menu';
import { useVirtualRows } from './use-virtual-rows';

/** Keep in step with `--row-height` in styles/base.css. */
export const ROW_HEIGHT = 20;

export interface RequestListProps {
  records: readonly ExchangeRecord[];
  selectedId: RequestId | null;
  /** The stack whose fix the row menu copies. */
  fixStack: StackId;
  onSelect(requestId: RequestId, open: boolean): void;
  onOpen(): void;
  /** Precise mode's marker for a record; null (or absent) when Chromium did not see it. */
  agreement?: (record: ExchangeRecord) => AgreementState | null;
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
 * Enter opens the detail (Escape, handled by the detail, closes it); the Menu key or Shift+F10
 * opens the selected row's menu, as right-click does. Which columns show is the list's own
 * container query (styles/list.css), so it fits wherever DevTools is docked.
 */
export function RequestList({ records, selectedId, fixStack, onSelect, onOpen, agreement }: RequestListProps) {
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

  const host = useMemo(() => sharedHost(records), [records]);
  const [menu, setMenu] = useState<{ record: ExchangeRecord; at: { x: number; y: number } } | null>(null);
  const closeMenu = useCallback(() => {
    setMenu(null);
    scroller.current?.focus();
  }, []);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const openMenuFromKeyboard = () => {
    const record = records[selectedIndex];
    const row = record === undefined ? null : document.getElementById(`row-${record.requestId}`);
    if (record === undefined || row === null) return;
    const box = row.getBoundingClientRect();
    setMenu({ record, at: { x: box.left + 24, y: box.bottom } });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && selectedIndex >= 0) onOpen();
    else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) openMenuFromKeyboard();
    else {
      const index = nextIndex(event.key, selectedIndex, records.length);
      const record = index === null ? undefined : records[index];
      if (record === undefined) return;
      onSelect(record.requestId, false);
    }
    event.preventDefault();
  };

  return (
    <>
      <table
        ref={scroller}
        class="list"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA data grid pattern is a <table role="grid">; the grid owns the keyboard.
        role="grid"
        aria-label="Cross-origin requests"
        aria-rowcount={records.length + 1}
        aria-activedescendant={selectedId === null ? undefined : `row-${selectedId}`}
        aria-keyshortcuts="Shift+F10"
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="request-list"
      >
        <ListHeader host={host} />
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
                sharedHost={host}
                agreement={agreement?.(record) ?? null}
                onSelect={(picked) => onSelect(picked.requestId, true)}
                onMenu={(picked, at) => {
                  onSelect(picked.requestId, false);
                  setMenu({ record: picked, at });
                }}
              />
            );
          })}
        </tbody>
      </table>
      {menu !== null && <RowMenu record={menu.record} at={menu.at} fixStack={fixStack} onClose={closeMenu} />}
    </>
  );
}
