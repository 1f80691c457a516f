import { useState } from 'preact/hooks';
import type { Exchange } from '../../engine';
import { buildCurl, preflightRequest } from '../format/build-curl';
import { CopyButton } from './copy-button';

function CurlCommand({ title, command, omitted }: { title: string; command: string; omitted: string[] }) {
  return (
    <div class="curl">
      <div class="fix-head">
        <strong>{title}</strong>
        <CopyButton text={command} label={`Copy the ${title.toLowerCase()} as cURL`} />
      </div>
      <pre class="snippet" data-testid="curl">
        {command}
      </pre>
      {omitted.length > 0 && <p class="muted">Left out: {omitted.join(', ')}.</p>}
    </div>
  );
}

/** The preflight and the actual request as curl commands, to reproduce the server's answers outside the browser. */
export function CurlSection({ exchange }: { exchange: Exchange }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const options = { includeSecrets };
  const preflight = preflightRequest(exchange);
  const actual = buildCurl(exchange.request, options);
  return (
    <section class="section" aria-labelledby="curl-heading">
      <h3 id="curl-heading">Copy as cURL</h3>
      <label class="check">
        <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.currentTarget.checked)} />
        Include secret headers (Cookie, Authorization, tokens, keys)
      </label>
      {preflight !== null && <CurlCommand title="Preflight" {...buildCurl(preflight, options)} />}
      <CurlCommand title="Request" {...actual} />
      <p class="muted">The request body is not captured; add it with --data if the server needs it.</p>
    </section>
  );
}
