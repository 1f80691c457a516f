import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CheckStep, StackId } from '../../engine';
import { evaluate, explain, pageFix, safeText } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import { capturedText } from '../format/captured-text';
import { verdictLabel } from '../format/verdict-class';
import { canWhatIf, type ExchangeEdit, edit, fieldOfCheck, startWhatIf, undo, type WhatIf } from '../state/what-if';
import { AdvisorySection } from './advisory-section';
import { CurlSection } from './curl-section';
import { ExplanationSection } from './explanation-section';
import { FirefoxNoteSection } from './firefox-note-section';
import { FixSection } from './fix-section';
import { HeaderCheckTable } from './header-check-table';
import { MessagesSection } from './messages-section';
import { MoreSection } from './more-section';
import { RawHeadersSection } from './raw-headers-section';
import { StorySection } from './story-section';
import { WhatIfSection } from './what-if-section';

export interface DetailViewProps {
  record: ExchangeRecord;
  fixStack: StackId;
  onFixStack(stack: StackId): void;
  onClose(): void;
}

/** Why the selected request was blocked (or passed), step by step, and what to change. */
export function DetailView({ record, fixStack, onFixStack, onClose }: DetailViewProps) {
  const [started, setWhatIf] = useState<WhatIf | null>(null);
  // A what-if belongs to the request it was started on: selecting another one leaves it.
  const whatIf = started?.requestId === record.requestId ? started : null;
  useEffect(() => setWhatIf(null), [record.requestId]);
  const editing = useRef(false);
  editing.current = whatIf !== null;
  const edited = useMemo(() => (whatIf === null ? null : evaluate(whatIf.exchange)), [whatIf]);
  const exchange = whatIf?.exchange ?? record.exchange;
  const verdict = edited ?? record.verdict;
  const shown = useMemo(
    () => (whatIf === null ? record : { ...record, exchange, verdict }),
    [record, whatIf, exchange, verdict],
  );
  const explanation = useMemo(() => explain(verdict, exchange), [verdict, exchange]);
  const inPage = useMemo(() => pageFix(exchange), [exchange]);
  const checked = verdict.kind === 'blocked' || verdict.kind === 'passed';
  const body = useRef<HTMLDivElement>(null);
  // A newly selected request opens at its top (its headline), not at the previous one's scroll
  // position; updates to the same request (its response arriving) keep the reader's place.
  useLayoutEffect(() => {
    if (body.current !== null) body.current.scrollTop = 0;
  }, [record.requestId]);
  useEffect(() => {
    // Inside DevTools, a script DevTools adds to this page forwards Escape to DevTools (which
    // toggles its console drawer) and marks it handled, from a listener on the document. Take
    // Escape first, on the window in the capture phase, so it closes the detail and only that.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // A menu or dialog open over the panel takes its own Escape.
      if (event.target instanceof Element && event.target.closest('[role="menu"], dialog') !== null) return;
      event.preventDefault();
      event.stopPropagation();
      // In a what-if, Escape steps back through the edits and then leaves it; only then closes.
      // Keys can come faster than renders: the update reads the state it lands on, not this one.
      if (editing.current) setWhatIf((current) => (current === null ? null : undo(current)));
      else onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  const onEdit = (change: ExchangeEdit, typing?: string) =>
    setWhatIf((current) => (current === null ? null : edit(current, change, typing ?? null)));
  // From a row of the check table to its input in the editor, once that input is rendered.
  const focusField = useRef<string | null>(null);
  useEffect(() => {
    if (focusField.current === null) return;
    body.current?.querySelector<HTMLElement>(`[data-field="${focusField.current}"]`)?.focus();
    focusField.current = null;
  });
  const onEditRow = (row: CheckStep) => {
    if (whatIf === null) return;
    const located = fieldOfCheck(whatIf.exchange, row);
    if (located.exchange === whatIf.exchange) {
      body.current?.querySelector<HTMLElement>(`[data-field="${located.field}"]`)?.focus();
      return;
    }
    focusField.current = located.field;
    onEdit((current) => fieldOfCheck(current, row).exchange);
  };
  return (
    <section class="detail" aria-label="Request detail" data-testid="detail">
      <header class="bar detail-bar">
        <button type="button" class="icon" onClick={onClose} aria-label="Close detail" title="Close (Esc)">
          ✕
        </button>
        <span
          class={`badge verdict-${verdict.blocked ? 'blocked' : verdict.kind}`}
          data-testid="detail-verdict"
          data-kind={verdict.kind}
          data-code={verdict.code ?? ''}
          data-stage={verdict.stage ?? ''}
          data-failed-parameter={verdict.failedParameter}
        >
          {verdictLabel(verdict)}
        </span>
        {whatIf !== null && (
          <span class="badge what-if-mark" data-testid="what-if-mark">
            edited (what if)
          </span>
        )}
        <span class="detail-title" title={capturedText(exchange.request.url, 2000)}>
          {safeText(exchange.request.method, 40)} {capturedText(exchange.request.url, 2000)}
        </span>
      </header>
      <div class="detail-body" ref={body} data-testid="detail-body">
        <ExplanationSection explanation={explanation} verdict={verdict} pageFix={inPage} />
        <FixSection
          exchange={exchange}
          verdict={verdict}
          stack={fixStack}
          onStack={onFixStack}
          pageFixFirst={inPage !== null}
        />
        <MoreSection explanation={explanation} verdict={verdict} />
        <FirefoxNoteSection record={shown} />
        <StorySection exchange={exchange} verdict={verdict} />
        {checked && <HeaderCheckTable verdict={verdict} onEditRow={whatIf === null ? undefined : onEditRow} />}
        {canWhatIf(record) && (
          <WhatIfSection
            captured={record.exchange}
            whatIf={whatIf}
            verdict={edited}
            onStart={() => setWhatIf(startWhatIf(record))}
            onEdit={onEdit}
            onUndo={() => setWhatIf((current) => (current === null ? null : (undo(current) ?? current)))}
            onLeave={() => setWhatIf(null)}
          />
        )}
        <AdvisorySection advisories={verdict.advisories} />
        <MessagesSection explanation={explanation} />
        <CurlSection exchange={exchange} />
        <RawHeadersSection exchange={exchange} verdict={verdict} />
      </div>
    </section>
  );
}
