import type { PageFix } from '../../engine';

/** A change only the page can make, shown before any server snippet. */
export function PageFixNote({ fix }: { fix: PageFix }) {
  return (
    <div class="page-fix" data-testid="page-fix">
      <p>
        <strong>Fix the page first: </strong>
        {fix.summary}
      </p>
      <p class="prose muted">{fix.detail}</p>
    </div>
  );
}
