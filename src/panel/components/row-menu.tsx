import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StackId } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import { copyText } from '../dom/copy-text';
import { rowCopies } from '../format/row-copies';

export interface RowMenuProps {
  record: ExchangeRecord;
  /** Where to open, in viewport pixels (the pointer, or the selected row for the keyboard). */
  at: { x: number; y: number };
  fixStack: StackId;
  /** Closes the menu; focus goes back to the list. */
  onClose(): void;
}

const MENU_WIDTH = 220;

/**
 * The per-row context menu (right-click, the Menu key or Shift+F10 on the list): copy the URL, the
 * fix for the chosen stack, the request as cURL. A WAI-ARIA menu: arrows move, Enter picks, Escape
 * and Tab close.
 */
export function RowMenu({ record, at, fixStack, onClose }: RowMenuProps) {
  const copies = useMemo(() => rowCopies(record, fixStack), [record, fixStack]);
  const menu = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState<string | null>(null);
  const items: { id: string; label: string; text: string | null }[] = [
    { id: 'url', label: 'Copy URL', text: copies.url },
    {
      id: 'fix',
      label: copies.fix === null ? 'Copy fix (none needed)' : `Copy fix (${copies.fix.label})`,
      text: copies.fix?.snippet ?? null,
    },
    { id: 'curl', label: 'Copy as cURL', text: copies.curl },
  ];

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const away = (event: PointerEvent) => {
      if (!(event.target instanceof Node && menu.current?.contains(event.target))) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  const pick = async (item: (typeof items)[number]) => {
    if (item.text === null) return;
    const ok = await copyText(item.text);
    setDone(ok ? `${item.label.replace(/^Copy/, 'Copied')}` : 'Copy failed');
    setTimeout(onClose, 600);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const current = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      entries[(current + step + entries.length) % entries.length]?.focus();
    } else if (event.key === 'Home') entries[0]?.focus();
    else if (event.key === 'End') entries.at(-1)?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  // Kept inside the window: a menu opened near the right or bottom edge opens leftward or upward.
  const left = Math.max(0, Math.min(at.x, window.innerWidth - MENU_WIDTH));
  const top = Math.max(0, Math.min(at.y, window.innerHeight - 90));
  return (
    <div
      ref={menu}
      class="row-menu"
      role="menu"
      aria-label="Request actions"
      data-testid="row-menu"
      style={{ left: `${left}px`, top: `${top}px`, width: `${MENU_WIDTH}px` }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.text === null}
          data-testid={`row-menu-${item.id}`}
          onClick={() => void pick(item)}
        >
          {item.label}
        </button>
      ))}
      <span class="row-menu-status muted" role="status">
        {done ?? ''}
      </span>
    </div>
  );
}
