import { type ChromiumOutcome, safeText, type Verdict } from '../../engine';
import { verdictLabel } from './verdict-class';

/** A failed parameter as the detail quotes it: server-controlled, so made safe and cut. */
function parameter(value: string): string {
  return value === '' ? '' : ` (${safeText(value, 200)})`;
}

/** Chromium's verdict in the words the detail uses for CORS Lens's. */
export function chromiumVerdictText(outcome: ChromiumOutcome): string {
  switch (outcome.kind) {
    case 'blocked':
      return `blocked: ${safeText(outcome.status.corsError, 80)}${parameter(outcome.status.failedParameter)}`;
    case 'network-error':
      return `network error: ${safeText(outcome.errorText, 200)}`;
    case 'passed':
      return 'not blocked: the page got the response';
  }
}

/** CORS Lens's verdict, written the same way as Chromium's. */
export function corsLensVerdictText(verdict: Verdict): string {
  if (verdict.blocked) return `blocked: ${verdict.code ?? 'unknown'}${parameter(verdict.failedParameter)}`;
  if (verdict.kind === 'network-error') return `network error: ${safeText(verdict.networkError ?? '', 200)}`;
  return verdictLabel(verdict);
}
