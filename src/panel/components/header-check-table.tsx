import type { CheckOutcome, CheckStep, Verdict } from '../../engine';
import { safeText } from '../../engine';
import { stageLabel } from '../format/header-checks';

const OUTCOME_WORDS: Readonly<Record<CheckOutcome, string>> = {
  passed: '✓ ok',
  failed: '✗ failed',
  'not-checked': 'not reached',
  advice: '⚠ unreadable by the page',
};

export interface HeaderCheckTableProps {
  verdict: Verdict;
  /** In a what-if: takes the user from a row to that header's input in the editor. */
  onEditRow?: ((row: CheckStep) => void) | undefined;
}

/** Every header the browser checked (the verdict's trail): what it had to be and what the server sent. */
export function HeaderCheckTable({ verdict, onEditRow }: HeaderCheckTableProps) {
  const rows = verdict.trail;
  if (rows.length === 0) return null;
  return (
    <section class="section" aria-labelledby="checks-heading">
      <h3 id="checks-heading">Required vs received</h3>
      <table class="checks" data-testid="header-checks">
        <thead>
          <tr>
            <th scope="col">Response</th>
            <th scope="col">Header</th>
            <th scope="col">Required</th>
            <th scope="col">Received</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={index}
              class={`check-${row.outcome}`}
              data-testid="header-check"
              data-header={row.header}
              data-outcome={row.outcome}
            >
              <td>{stageLabel(row.stage)}</td>
              <td>
                <code>{safeText(row.header, 200)}</code>
              </td>
              <td>
                <code>{safeText(row.required, 300)}</code>
                {row.wildcardAllowed && <span class="muted"> or *</span>}
              </td>
              <td>
                {row.received === null ? <em class="muted">(absent)</em> : <code>{safeText(row.received, 300)}</code>}
                {onEditRow !== undefined && (
                  <button
                    type="button"
                    class="icon"
                    aria-label={`Edit ${safeText(row.header, 200)} on the ${stageLabel(row.stage)}`}
                    title="Edit in the what-if below"
                    onClick={() => onEditRow(row)}
                  >
                    ✎
                  </button>
                )}
              </td>
              <td>{OUTCOME_WORDS[row.outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
