import type { Explanation, PageFix, Verdict } from '../../engine';
import { FailingCheck } from './failing-check';
import { PageFixNote } from './page-fix-note';

export interface ExplanationSectionProps {
  explanation: Explanation;
  verdict: Verdict;
  /** A change only the page can make: said right under the headline, before anything else. */
  pageFix: PageFix | null;
}

/** The headline, a page-side fix if any, and the failing check: the answer, above the fold. */
export function ExplanationSection({ explanation, verdict, pageFix }: ExplanationSectionProps) {
  return (
    <section class="section answer" aria-labelledby="why-heading">
      <h2 id="why-heading" class="summary" data-testid="summary">
        {explanation.summary}
      </h2>
      {pageFix !== null && <PageFixNote fix={pageFix} />}
      {(verdict.kind === 'blocked' || verdict.kind === 'passed') && <FailingCheck verdict={verdict} />}
      {verdict.contradictsOutcome && (
        <p class="warning" role="note">
          CORS Lens's verdict differs from what the browser was seen to do; the browser console has the final word.
        </p>
      )}
    </section>
  );
}
