import type { CheckStep, Verdict } from '../../engine';
import { safeText } from '../../engine';
import { stageLabel } from '../format/header-checks';

/** The one check to read first: the one that failed, or for a request that passed, the advice. */
export function failingCheck(verdict: Verdict): CheckStep | null {
  const rows = verdict.trail;
  return rows.find((row) => row.outcome === 'failed') ?? rows.find((row) => row.outcome === 'advice') ?? null;
}

/**
 * The failing check as one compact block right under the headline — header, what it needed, what
 * the server sent — so the answer fits a DevTools panel ≈ 320 px tall without scrolling. The full
 * table stays further down. Header values come from the server: rendered as bounded text only.
 */
export function FailingCheck({ verdict }: { verdict: Verdict }) {
  const row = failingCheck(verdict);
  if (row === null) return null;
  const failed = row.outcome === 'failed';
  return (
    <dl
      class={`failing-check failing-check-${row.outcome}`}
      data-testid="failing-check"
      data-header={row.header}
      aria-label={failed ? 'The check that failed' : 'What the page cannot read'}
    >
      <div>
        <dt>{failed ? '✗ Failed' : '⚠ Advice'}</dt>
        <dd>
          <code>{safeText(row.header, 200)}</code> <span class="muted">on the {stageLabel(row.stage)}</span>
        </dd>
      </div>
      <div>
        <dt>Needed</dt>
        <dd>
          <code>{safeText(row.required, 300)}</code>
          {row.wildcardAllowed && <span class="muted"> or *</span>}
        </dd>
      </div>
      <div>
        <dt>Got</dt>
        <dd>{row.received === null ? <em>(absent)</em> : <code>{safeText(row.received, 300)}</code>}</dd>
      </div>
    </dl>
  );
}
