import type { ExchangeRecord } from '../model/exchange-record';

function pathOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^#]*)/i.exec(url);
  return match === null ? url : `${match[1] ?? ''}${match[2] || '/'}`;
}

function statusOf(record: ExchangeRecord): string {
  const { exchange } = record;
  if (exchange.response !== null) return String(exchange.response.status);
  if (exchange.preflight.kind === 'observed' && exchange.preflight.response !== null) {
    return `preflight ${exchange.preflight.response.status}`;
  }
  return exchange.networkError ?? '—';
}

function verdictOf(record: ExchangeRecord): string {
  const { verdict } = record;
  if (verdict.blocked) return verdict.code ?? 'blocked';
  if (verdict.kind === 'passed') return verdict.advisories.length > 0 ? 'passed with advisories' : 'passed';
  return verdict.kind;
}

/** The captured requests, newest last. Values come from servers and are rendered as text only. */
export function RequestTable({ records }: { records: readonly ExchangeRecord[] }) {
  return (
    <table class="requests" data-testid="request-table">
      <thead>
        <tr>
          <th>Method</th>
          <th>URL</th>
          <th>Status</th>
          <th>Verdict</th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => (
          <tr key={record.requestId} class={record.verdict.blocked ? 'blocked' : undefined} data-testid="request-row">
            <td>
              {record.exchange.request.method}
              {record.preflightRequestId !== null && <span class="preflight-mark"> ⇄</span>}
            </td>
            <td class="url">{pathOf(record.exchange.request.url)}</td>
            <td>{statusOf(record)}</td>
            <td data-testid="verdict">{verdictOf(record)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
