import type { Advisory } from '../../engine';

/** Passed-but-hurts findings: unreadable headers, missing Vary: Origin, preflight caching. */
export function AdvisorySection({ advisories }: { advisories: readonly Advisory[] }) {
  if (advisories.length === 0) return null;
  return (
    <section class="section" aria-labelledby="advisories-heading">
      <h3 id="advisories-heading">Advisories</h3>
      <ul class="advisories" data-testid="advisories">
        {advisories.map((advisory, index) => (
          <li key={index}>
            <code>{advisory.code}</code> {advisory.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
