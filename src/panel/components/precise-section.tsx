import type { ExchangeRecord } from '../../model/exchange-record';
import { chromiumVerdictText, corsLensVerdictText } from '../format/chromium-verdict-text';
import { AGREEMENT_MARKS, agreementOf } from '../state/agreement';
import type { ChromiumRequest } from '../state/chromium-log';

export interface PreciseSectionProps {
  record: ExchangeRecord;
  chromium: ChromiumRequest;
  onExportReport(): void;
}

/** Both verdicts side by side, and where they differ, the fidelity report to send. Text only. */
export function PreciseSection({ record, chromium, onExportReport }: PreciseSectionProps) {
  const state = agreementOf(record, chromium);
  return (
    <section class={`section precise-section agreement-${state}`} data-testid="precise-section" data-state={state}>
      <h2>
        Precise mode: {AGREEMENT_MARKS[state].mark} {AGREEMENT_MARKS[state].label}
      </h2>
      <dl class="verdict-pair">
        <dt>Chromium</dt>
        <dd data-testid="chromium-verdict">
          {chromium.outcome === null ? 'still in flight' : chromiumVerdictText(chromium.outcome)}
        </dd>
        <dt>CORS Lens</dt>
        <dd data-testid="cors-lens-verdict">{corsLensVerdictText(record.verdict)}</dd>
      </dl>
      {state === 'disagrees' && (
        <p>
          CORS Lens got this one wrong. The report holds this exchange as a redacted HAR (no cookies, tokens or bodies)
          with both verdicts.{' '}
          <button type="button" data-testid="export-fidelity-report" onClick={onExportReport}>
            Export fidelity report
          </button>
        </p>
      )}
    </section>
  );
}
