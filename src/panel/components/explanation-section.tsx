import type { Explanation } from '../../engine/explanation-types';
import type { PageFix } from '../../engine/page-fix';
import type { Verdict } from '../../engine/verdict-types';
import { PageFixNote } from './page-fix-note';

export interface ExplanationSectionProps {
  explanation: Explanation;
  verdict: Verdict;
  /** A change only the page can make: said right under the headline, before anything else. */
  pageFix: PageFix | null;
}

/** The engine's summary and detail, with the hidden causes real servers produce. Plain text only. */
export function ExplanationSection({ explanation, verdict, pageFix }: ExplanationSectionProps) {
  return (
    <section class="section" aria-labelledby="why-heading">
      <h2 id="why-heading" class="summary" data-testid="summary">
        {explanation.summary}
      </h2>
      {pageFix !== null && <PageFixNote fix={pageFix} />}
      {verdict.code !== null && (
        <p class="muted">
          <code>{verdict.code}</code> · {verdict.specStep}
        </p>
      )}
      <p class="prose">{explanation.detail}</p>
      {verdict.contradictsOutcome && (
        <p class="warning" role="note">
          CORS Lens's verdict differs from what the browser was seen to do; the browser console has the final word.
        </p>
      )}
      <p class="muted">{verdict.credentials.note}</p>
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
    </section>
  );
}
