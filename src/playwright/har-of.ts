/**
 * Judged exchanges as the report module's rows: the HAR (with `_cors`) the helper attaches, and the
 * rows the CLI's blocked-request section words.
 */
import type { Har } from 'har-format';
import packageJson from '../../package.json' with { type: 'json' };
import type { ReportRow } from '../report/index';
import { writeHar } from '../report/index';
import type { HarOptions } from './cors-lens';
import type { JudgedExchange } from './judged-exchange';

/** The HAR rows of judged exchanges. */
export function reportRows(judged: readonly JudgedExchange[]): ReportRow[] {
  return judged.map(({ exchange, verdict, explanation, startedDateTime }) => ({
    exchange,
    verdict,
    explanation,
    crossOrigin: true,
    blocked: verdict.blocked,
    startedDateTime,
    source: null,
  }));
}

/** HAR 1.2 with `_cors` for judged exchanges. */
export function harOf(judged: readonly JudgedExchange[], options: HarOptions = {}): Har {
  return writeHar(reportRows(judged), {
    redact: options.redact ?? true,
    generatedAt: new Date().toISOString(),
    generator: { name: 'CORS Lens (Playwright)', version: packageJson.version },
  });
}
