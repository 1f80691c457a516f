import type { Explanation, Verdict } from '../../engine';

/**
 * The engine's prose, the spec step, the credentials caveat and the usual causes, folded behind
 * "More": the headline and the failing check already say what went wrong, and the caveat applies
 * to every request, so none of it may push the fix below the fold. Plain text only.
 */
export function MoreSection({ explanation, verdict }: { explanation: Explanation; verdict: Verdict }) {
  return (
    <details class="section more" data-testid="more">
      <summary>More: why, the spec step, credentials{explanation.hints.length > 0 ? ', usual causes' : ''}</summary>
      <p class="prose">{explanation.detail}</p>
      {verdict.code !== null && (
        <p class="muted">
          <code>{verdict.code}</code> · {verdict.specStep}
        </p>
      )}
      <p class="muted" data-testid="credentials-note">
        {verdict.credentials.note}
      </p>
      {explanation.hints.length > 0 && (
        <>
          <h3>Often behind this</h3>
          <ul class="hints">
            {explanation.hints.map((hint, index) => (
              <li key={index}>{hint}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
