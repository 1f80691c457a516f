/**
 * A fidelity report: the one exchange where CORS Lens and Chromium decided differently, as the
 * redacted HAR of "Export HAR" (its `_cors` is CORS Lens's verdict) with Chromium's own verdict
 * beside it in `log._fidelity`, for a bug report. Never with secrets: it is meant to be shared.
 */
import type { ChromiumOutcome } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import { exportLogField } from '../../report/index';
import { exportFileName, exportHar } from './har-transfer';

export interface FidelityReportRequest {
  record: ExchangeRecord;
  chromium: ChromiumOutcome;
  now: Date;
  version: string;
}

/** Chromium's verdict as the report writes it: the DevTools protocol's own fields. */
function chromiumField(outcome: ChromiumOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'blocked':
      return { outcome: 'blocked', corsErrorStatus: outcome.status };
    case 'network-error':
      return { outcome: 'network-error', errorText: outcome.errorText };
    case 'passed':
      return { outcome: 'passed' };
  }
}

/** The report's text (HAR 1.2 JSON) and the file name to save it under. */
export function fidelityReport({ record, chromium, now, version }: FidelityReportRequest): {
  text: string;
  fileName: string;
} {
  const har = JSON.parse(exportHar({ records: [record], keepSecrets: false, now, version })) as {
    log: Record<string, unknown>;
  };
  const fidelity = {
    version: 1,
    chromium: chromiumField(chromium),
    corsLens: { kind: record.verdict.kind, code: record.verdict.code, failedParameter: record.verdict.failedParameter },
  };
  har.log._fidelity = exportLogField('_fidelity', fidelity, { redact: true });
  return {
    text: JSON.stringify(har, null, 2),
    fileName: exportFileName([record], now).replace(/^cors-lens-/, 'cors-lens-fidelity-'),
  };
}
