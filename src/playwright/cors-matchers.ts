/**
 * `expect(cors).toHaveNoCorsErrors({stack})`: fails when Chromium or CORS Lens blocked a
 * cross-origin request, with the same words as `cors-lens analyze` (summary, the header at fault,
 * the fix for the chosen stack), and fails loudly whenever CORS Lens and Chromium disagree, even if
 * nothing was blocked: each disagreement is a CORS Lens fidelity bug, printed with a redacted HAR
 * of the exchange to attach to a bug report.
 */

import { paint } from '../cli/colour';
import { blockedSection } from '../cli/terminal-report';
import { shown, shownUrl } from '../cli/terminal-text';
import { STACKS, type StackId } from '../engine';
import type { CorsLens } from './cors-lens';
import { harOf, reportRows } from './har-of';
import type { JudgedExchange } from './judged-exchange';

export interface NoCorsErrorsOptions {
  /** The server stack whose fix the failure message shows (`express`, `nginx`, …); none when absent. */
  stack?: StackId;
}

export interface MatcherResult {
  pass: boolean;
  message: () => string;
  name: string;
}

const PLAIN = paint(false);

function chromiumSays(judged: JudgedExchange): string {
  const { chromium, exchange } = judged;
  if (chromium !== null) return `blocked ${shown(chromium.corsError)} ('${shown(chromium.failedParameter)}')`;
  return exchange.outcome === 'network-error' ? `network error ${shown(exchange.networkError ?? '')}` : 'not blocked';
}

function corsLensSays(judged: JudgedExchange): string {
  const { verdict } = judged;
  return verdict.blocked ? `blocked ${verdict.code ?? ''} ('${shown(verdict.failedParameter)}')` : verdict.kind;
}

/** The loud part: what each side decided, and the redacted HAR a fidelity report needs. */
export function disagreementReport(disagreements: readonly JudgedExchange[]): string {
  const lines = [
    `CORS Lens and Chromium disagree on ${disagreements.length} request(s).`,
    'This is a bug in CORS Lens, not in your page: please report it with the redacted HAR below.',
  ];
  for (const judged of disagreements) {
    lines.push(`  ${shown(judged.exchange.request.method)} ${shownUrl(judged.exchange.request.url)}`);
    lines.push(`    Chromium:  ${chromiumSays(judged)}`);
    lines.push(`    CORS Lens: ${corsLensSays(judged)}`);
  }
  lines.push(`HAR (redacted) for the report:\n${JSON.stringify(harOf(disagreements))}`);
  return lines.join('\n');
}

/** The failure message for blocked exchanges, as `cors-lens analyze` words them. */
export function blockedReport(blocked: readonly JudgedExchange[], stack: StackId | null): string {
  const sections = [`CORS Lens: ${blocked.length} cross-origin request(s) blocked.`];
  for (const row of reportRows(blocked)) sections.push(blockedSection(row, { paint: PLAIN, stack }));
  if (stack === null) {
    sections.push(`For the fix on your server, pass { stack: NAME }, one of: ${STACKS.map((s) => s.id).join(', ')}`);
  }
  return sections.join('\n\n');
}

async function toHaveNoCorsErrors(received: CorsLens, options: NoCorsErrorsOptions = {}): Promise<MatcherResult> {
  await received.settled();
  const blocked = received.blocked();
  const disagreements = received.disagreements();
  const parts: string[] = [];
  if (disagreements.length > 0) parts.push(disagreementReport(disagreements));
  if (blocked.length > 0) parts.push(blockedReport(blocked, options.stack ?? null));
  const pass = parts.length === 0;
  const message = pass
    ? () => `CORS Lens: none of ${received.exchanges().length} cross-origin request(s) was blocked.`
    : () => parts.join('\n\n');
  return { pass, message, name: 'toHaveNoCorsErrors' };
}

/** Matchers for Playwright's `expect.extend`. */
export const corsMatchers = { toHaveNoCorsErrors };
