import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { StackId } from '../../engine';
import { explain, pageFix, safeText } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import { capturedText } from '../format/captured-text';
import { verdictLabel } from '../format/verdict-class';
import type { ChromiumRequest } from '../state/chromium-log';
import { useWhatIf } from '../state/use-what-if';
import { canWhatIf } from '../state/what-if';
import { AdvisorySection } from './advisory-section';
import { CurlSection } from './curl-section';
import { ExplanationSection } from './explanation-section';
import { FirefoxNoteSection } from './firefox-note-section';
import { FixSection } from './fix-section';
import { HeaderCheckTable } from './header-check-table';
import { MessagesSection } from './messages-section';
import { MoreSection } from './more-section';
import { PreciseSection } from './precise-section';
import { RawHeadersSection } from './raw-headers-section';
import { StorySection } from './story-section';
import { WhatIfSection } from './what-if-section';

export interface DetailViewProps {
  record: ExchangeRecord;
  fixStack: StackId;
  onFixStack(stack: StackId): void;
  onClose(): void;
  /** What Chromium reported for this request in precise mode; absent when it did not see it. */
  chromium?: ChromiumRequest | undefined;
  onExportFidelityReport?(): void;
}

/** Why the selected request was blocked (or passed), step by step, and what to change. */
export function DetailView({
  record,
  fixStack,
  onFixStack,
  onClose,
  chromium,
  onExportFidelityReport,
}: DetailViewProps) {
  const body = useRef<HTMLDivElement>(null);
  const what = useWhatIf(record, body);
  const { whatIf } = what;
  const exchange = whatIf?.exchange ?? record.exchange;
  const verdict = what.verdict ?? record.verdict;
  // The edited copy for the sections that take a whole record; never stored anywhere.
  const shown = useMemo(
    () => (whatIf === null ? record : { ...record, exchange, verdict }),
    [record, whatIf, exchange, verdict],
  );
  const explanation = useMemo(() => explain(verdict, exchange), [verdict, exchange]);
  const inPage = useMemo(() => pageFix(exchange), [exchange]);
  const checked = verdict.kind === 'blocked' || verdict.kind === 'passed';
  // A newly selected request opens at its top (its headline), not at the previous one's scroll
  // position; updates to the same request (its response arriving) keep the reader's place.
  useLayoutEffect(() => {
    if (body.current !== null) body.current.scrollTop = 0;
  }, [record.requestId]);
  const escapeWhatIf = what.escape;
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
      if (!escapeWhatIf()) onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose, escapeWhatIf]);
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
        {chromium !== undefined && (
          <PreciseSection record={record} chromium={chromium} onExportReport={() => onExportFidelityReport?.()} />
        )}
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
        {checked && <HeaderCheckTable verdict={verdict} onEditRow={whatIf === null ? undefined : what.editRow} />}
        {canWhatIf(record) && (
          <WhatIfSection
            captured={record.exchange}
            whatIf={whatIf}
            verdict={what.verdict}
            onStart={what.start}
            onEdit={what.onEdit}
            onUndo={what.undo}
            onLeave={what.leave}
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
