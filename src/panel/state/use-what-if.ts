import type { RefObject } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CheckStep, Verdict } from '../../engine';
import { evaluate } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import { type ExchangeEdit, edit, fieldOfCheck, startWhatIf, undo, type WhatIf } from './what-if';

export interface WhatIfControls {
  /** The what-if on the shown record, or null. */
  whatIf: WhatIf | null;
  /** The engine's verdict on the edited exchange; null outside a what-if. */
  verdict: Verdict | null;
  start(): void;
  onEdit(change: ExchangeEdit, typing?: string): void;
  /** Escape's part: the last edit undone, or the what-if left; false outside a what-if. */
  escape(): boolean;
  undo(): void;
  leave(): void;
  /** From a row of the check table to its input in the editor (added when the server sent no such header). */
  editRow(row: CheckStep): void;
}

function inputOf(container: RefObject<HTMLElement | null>, field: string): HTMLElement | null {
  return container.current?.querySelector<HTMLElement>(`[data-field="${field}"]`) ?? null;
}

/**
 * The detail's what-if: edits apply to the state they land on (keys can come faster than
 * renders), a what-if ends with the selection of another request, and `editRow` focuses the
 * input inside `container` once it is rendered.
 */
export function useWhatIf(record: ExchangeRecord, container: RefObject<HTMLElement | null>): WhatIfControls {
  const [started, setWhatIf] = useState<WhatIf | null>(null);
  // Selecting another request ends the what-if; until that effect runs, the guard hides it.
  const whatIf = started?.requestId === record.requestId ? started : null;
  useEffect(() => setWhatIf(null), [record.requestId]);
  const verdict = useMemo(() => (whatIf === null ? null : evaluate(whatIf.exchange)), [whatIf]);
  const editing = useRef(false);
  editing.current = whatIf !== null;
  const onEscape = useCallback(() => {
    if (!editing.current) return false;
    setWhatIf((current) => (current === null ? null : undo(current)));
    return true;
  }, []);
  const onEdit = (change: ExchangeEdit, typing?: string) =>
    setWhatIf((current) => (current === null ? null : edit(current, change, typing ?? null)));
  const focusField = useRef<string | null>(null);
  useEffect(() => {
    if (focusField.current === null) return;
    inputOf(container, focusField.current)?.focus();
    focusField.current = null;
  });
  return {
    whatIf,
    verdict,
    start: () => setWhatIf(startWhatIf(record)),
    onEdit,
    escape: onEscape,
    undo: () => setWhatIf((current) => (current === null ? null : (undo(current) ?? current))),
    leave: () => setWhatIf(null),
    editRow(row) {
      if (whatIf === null) return;
      const located = fieldOfCheck(whatIf.exchange, row);
      if (located.exchange === whatIf.exchange) {
        inputOf(container, located.field)?.focus();
        return;
      }
      focusField.current = located.field;
      onEdit((current) => fieldOfCheck(current, row).exchange);
    },
  };
}
