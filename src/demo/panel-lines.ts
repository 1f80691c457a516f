/** One request as the CORS panel shows it: its list row and, from its detail, the summary. */
export interface PanelRow {
  method: string;
  url: string;
  /** The status cell: the real status, e.g. `401`, `404 (preflight)`. */
  status: string;
  /** The verdict in words: `blocked`, `passed`, `passed with advisories`, … */
  kind: string;
  /** Chromium's CorsError code for a blocked request, '' otherwise. */
  code: string;
  /** The header whose check failed (from "Required vs received"), or the first advisory's code; '' when none. */
  header: string;
  /** The detail's one-line summary. */
  summary: string;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

/** The verdict column: the CorsError code of a blocked request, else the verdict in words. */
export function verdictText(row: PanelRow): string {
  return row.code === '' ? row.kind : row.code;
}

/**
 * The panel's rows as aligned terminal lines, one per request:
 * mark, status, verdict, header at fault, method and path, summary.
 */
export function formatPanelLines(rows: readonly PanelRow[]): string[] {
  const columns = rows.map((row) => ({
    mark: row.code === '' ? '✓' : '✗',
    status: row.status,
    verdict: verdictText(row),
    header: row.header === '' ? '—' : row.header,
    request: `${row.method} ${pathOf(row.url)}`,
    summary: row.summary,
  }));
  const width = (key: 'status' | 'verdict' | 'header' | 'request') =>
    Math.max(key.length, ...columns.map((column) => column[key].length));
  const widths = {
    status: width('status'),
    verdict: width('verdict'),
    header: width('header'),
    request: width('request'),
  };
  const line = (mark: string, status: string, verdict: string, header: string, request: string, summary: string) =>
    [
      mark,
      status.padEnd(widths.status),
      verdict.padEnd(widths.verdict),
      header.padEnd(widths.header),
      request.padEnd(widths.request),
      summary,
    ]
      .join('  ')
      .trimEnd();
  return [
    line(' ', 'STATUS', 'VERDICT', 'HEADER AT FAULT', 'REQUEST', 'SUMMARY'),
    ...columns.map((column) =>
      line(column.mark, column.status, column.verdict, column.header, column.request, column.summary),
    ),
  ];
}
