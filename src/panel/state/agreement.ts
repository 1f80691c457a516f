/**
 * Precise mode's judgement of one record: does CORS Lens's verdict agree with the one Chromium
 * itself reached on the same request? The comparison is the engine's `agreesWithChromium`, the
 * same one the Playwright helper reports disagreements with.
 */
import { agreesWithChromium } from '../../engine';
import type { ExchangeRecord } from '../../model/exchange-record';
import type { ChromiumRequest } from './chromium-log';

/**
 * - `agrees` / `disagrees`: Chromium ended the request and the verdicts compare so.
 * - `waiting`: Chromium has not said yet how the request ended.
 */
export type AgreementState = 'agrees' | 'disagrees' | 'waiting';

/** What the list's marker shows for each state: a quiet mark for agreement, a loud one for a disagreement. */
export const AGREEMENT_MARKS = {
  agrees: { mark: '=', label: 'agrees', title: "Chromium's own verdict is the same" },
  disagrees: {
    mark: '≠',
    label: 'disagrees',
    title: 'Chromium decided otherwise: a CORS Lens fidelity bug; the detail shows both and exports a report',
  },
  waiting: { mark: '…', label: 'waiting', title: 'Waiting for Chromium to say how the request ended' },
} as const satisfies Record<AgreementState, { mark: string; label: string; title: string }>;

/** The record's agreement with `chromium`, the request Chromium reported for it (pair-chromium.ts). */
export function agreementOf(record: Pick<ExchangeRecord, 'verdict'>, chromium: ChromiumRequest): AgreementState {
  if (chromium.outcome === null) return 'waiting';
  return agreesWithChromium(record.verdict, chromium.outcome) ? 'agrees' : 'disagrees';
}
