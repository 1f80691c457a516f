import type { Exchange, HeaderList } from '../../engine/exchange';
import { capturedText } from '../format/captured-text';

function HeaderBlock({ title, headers }: { title: string; headers: HeaderList }) {
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
              <dd>{capturedText(value, 4000)}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}

/** Every request and response header as captured, with control and bidi characters made visible. */
export function RawHeadersSection({ exchange }: { exchange: Exchange }) {
  const { preflight } = exchange;
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
      {exchange.response !== null && <HeaderBlock title="Response" headers={exchange.response.headers} />}
    </section>
  );
}
