import type { Exchange, HeaderList, Verdict } from '../../engine';
import { unexposedResponseHeaders } from '../../engine';
import { capturedText } from '../format/captured-text';

const NONE: ReadonlySet<string> = new Set();

function HeaderBlock({
  title,
  headers,
  unreadable = NONE,
}: {
  title: string;
  headers: HeaderList;
  /** Lowercase names of the headers the page's script cannot read. */
  unreadable?: ReadonlySet<string>;
}) {
  return (
    <details class="raw" open>
      <summary>
        {title} <span class="muted">({headers.length})</span>
      </summary>
      {headers.length === 0 ? (
        <p class="muted">No headers captured.</p>
      ) : (
        <dl class="headers">
          {headers.map(([name, value], index) => (
            <div key={index}>
              <dt>{capturedText(name, 200)}</dt>
              <dd>
                {capturedText(value, 4000)}
                {unreadable.has(name.toLowerCase()) && (
                  <span class="muted" data-testid="unreadable-header">
                    {' '}
                    (JavaScript cannot read it)
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}

/**
 * Every request and response header as captured, with control and bidi characters made visible;
 * response headers a passing request's script cannot read are marked (information: advice is
 * given only for the ones it plausibly wanted).
 */
export function RawHeadersSection({ exchange, verdict }: { exchange: Exchange; verdict: Verdict }) {
  const { preflight } = exchange;
  const unreadable =
    verdict.kind === 'passed' && exchange.response !== null
      ? new Set(unexposedResponseHeaders(exchange.response.headers, verdict.credentials.mode === 'include'))
      : NONE;
  return (
    <section class="section" aria-labelledby="raw-heading">
      <h3 id="raw-heading">Raw headers</h3>
      {preflight.kind === 'observed' && (
        <>
          <HeaderBlock title="Preflight request" headers={preflight.request.headers} />
          {preflight.response !== null && (
            <HeaderBlock title="Preflight response" headers={preflight.response.headers} />
          )}
        </>
      )}
      {exchange.redirects.map((hop, index) => (
        <HeaderBlock key={index} title={`Redirect ${index + 1} response`} headers={hop.response.headers} />
      ))}
      <HeaderBlock title="Request" headers={exchange.request.headers} />
      {exchange.response !== null && (
        <HeaderBlock title="Response" headers={exchange.response.headers} unreadable={unreadable} />
      )}
    </section>
  );
}
