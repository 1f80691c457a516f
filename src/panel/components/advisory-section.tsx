import type { Advisory } from '../../engine';
import { safeText } from '../../engine';

/** Passed-but-hurts findings: unreadable headers, missing Vary: Origin, preflight caching. Messages name the server's headers: shown escaped. */
export function AdvisorySection({ advisories }: { advisories: readonly Advisory[] }) {
  if (advisories.length === 0) return null;
  return (
    <section class="section" aria-labelledby="advisories-heading">
      <h3 id="advisories-heading">Advisories</h3>
      <ul class="advisories" data-testid="advisories">
        {advisories.map((advisory, index) => (
          <li key={index}>
            <code>{advisory.code}</code> {safeText(advisory.message, 2_000)}
          </li>
        ))}
      </ul>
    </section>
  );
}
