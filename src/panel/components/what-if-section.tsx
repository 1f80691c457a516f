import { useEffect, useRef } from 'preact/hooks';
import type { CredentialsMode, Exchange, Verdict } from '../../engine';
import { fixRecipes } from '../../engine';
import { preflightAnswerText } from '../format/answer-text';
import { stageLabel } from '../format/header-checks';
import {
  applyFix,
  type ExchangeEdit,
  editableTargets,
  type ResponseTarget,
  setCredentialsMode,
  targetKey,
  type WhatIf,
} from '../state/what-if';
import { CopyButton } from './copy-button';
import { WhatIfResponse } from './what-if-response';

export interface WhatIfSectionProps {
  /** The captured exchange, as the log has it. */
  captured: Exchange;
  /** The what-if under way, or null before it starts. */
  whatIf: WhatIf | null;
  /** The engine's verdict on the edited exchange. */
  verdict: Verdict | null;
  onStart(): void;
  onEdit(change: ExchangeEdit, typing?: string): void;
  onUndo(): void;
  onLeave(): void;
}

const CREDENTIALS_CHOICES: readonly { mode: CredentialsMode; label: string }[] = [
  { mode: 'unknown', label: 'not known (as captured)' },
  { mode: 'omit', label: "omit (fetch's default cross-origin)" },
  { mode: 'include', label: "include (credentials: 'include', withCredentials)" },
];

function titleOf(target: ResponseTarget): string {
  return target.kind === 'response' ? 'final response' : `${stageLabel(target)} response`;
}

/**
 * "What if": every response header of the exchange as an input, the engine judging each edit, and
 * "Apply the fix". The edits live here and in the detail only: never in the log, the badge or an export.
 */
export function WhatIfSection({ captured, whatIf, verdict, onStart, onEdit, onUndo, onLeave }: WhatIfSectionProps) {
  const start = useRef<HTMLButtonElement>(null);
  const editor = useRef<HTMLDivElement>(null);
  const wasActive = useRef(false);
  const active = whatIf !== null;
  // Focus follows the mode: into the editor when it opens, back to its button when it closes —
  // unless the user is elsewhere (moving through the list, which also ends the what-if).
  useEffect(() => {
    if (active && !wasActive.current) editor.current?.querySelector<HTMLElement>('input, select, button')?.focus();
    if (!active && wasActive.current && document.activeElement === document.body) start.current?.focus();
    wasActive.current = active;
  }, [active]);
  if (whatIf === null || verdict === null) {
    return (
      <section class="section" aria-labelledby="what-if-heading">
        <h3 id="what-if-heading">What if</h3>
        <p class="muted">Edit the server's answers here and see at once what the browser would decide.</p>
        <button type="button" ref={start} onClick={onStart} data-testid="what-if-start">
          Edit the response headers (what if)
        </button>
      </section>
    );
  }
  const { exchange } = whatIf;
  const fixable = fixRecipes(exchange, verdict).length > 0;
  const answer = preflightAnswerText(exchange);
  return (
    <section class="section what-if" aria-labelledby="what-if-heading" data-testid="what-if">
      <h3 id="what-if-heading">What if (edited, not captured)</h3>
      <p class="muted">
        The verdict, explanation and checks above are for this edited copy. The captured request, the list, the badge
        and exports are unchanged. Escape undoes the last edit, then leaves.
      </p>
      <div class="what-if-actions" ref={editor}>
        <button type="button" onClick={() => onEdit(applyFix)} disabled={!fixable} data-testid="apply-fix">
          {fixable ? 'Apply the fix' : 'Nothing to fix'}
        </button>
        <button type="button" onClick={onUndo} disabled={whatIf.history.length === 0}>
          Undo (Esc)
        </button>
        <button type="button" onClick={onLeave}>
          Back to the captured request
        </button>
        {answer !== null && <CopyButton text={answer} label="Copy the edited preflight answer for the server owner" />}
      </div>
      {captured.credentialsMode === 'unknown' && (
        <label class="what-if-credentials">
          Credentials mode{' '}
          <select
            value={exchange.credentialsMode}
            data-testid="what-if-credentials"
            onChange={(e) => {
              const chosen = CREDENTIALS_CHOICES.find(({ mode }) => mode === e.currentTarget.value);
              if (chosen !== undefined) onEdit((ex) => setCredentialsMode(ex, chosen.mode));
            }}
          >
            {CREDENTIALS_CHOICES.map(({ mode, label }) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </label>
      )}
      {editableTargets(exchange).map((target) => (
        <WhatIfResponse
          key={targetKey(target)}
          exchange={exchange}
          target={target}
          title={titleOf(target)}
          assumed={target.kind === 'response' && captured.response === null}
          onEdit={onEdit}
        />
      ))}
      {answer !== null && (
        <pre class="snippet" data-testid="preflight-answer">
          {answer}
        </pre>
      )}
    </section>
  );
}
