import type { Explanation } from '../../engine';

/** Only fixed https addresses from the engine become links; anything else is shown as text. */
function isSafeLink(url: string): boolean {
  return /^https:\/\/[a-z0-9.-]+\//i.test(url);
}

/** What the browsers themselves say, and where the rule is written down. */
export function MessagesSection({ explanation }: { explanation: Explanation }) {
  const { consoleMessage, firefoxReason, links } = explanation;
  return (
    <section class="section" aria-labelledby="messages-heading">
      <h3 id="messages-heading">What the browsers say</h3>
      {consoleMessage !== null && (
        <>
          <h4>Chromium console</h4>
          <pre class="console" data-testid="console-message">
            {consoleMessage}
          </pre>
        </>
      )}
      {firefoxReason !== null && (
        <p>
          Firefox: <code>{firefoxReason}</code>
        </p>
      )}
      {consoleMessage === null && firefoxReason === null && <p class="muted">No console error for this request.</p>}
      <ul class="links">
        {links.map((link) => (
          <li key={link.url}>
            {isSafeLink(link.url) ? (
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                {link.title}
              </a>
            ) : (
              link.title
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
