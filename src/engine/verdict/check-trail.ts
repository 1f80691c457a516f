/**
 * Recording the check trail: each check calls its recorder as it makes the check, so the verdict
 * hands over what was checked instead of a view re-deriving it afterwards.
 */
import type { CheckOutcome, CheckStage, CheckStep } from './verdict-types';

/** A check as the check itself sees it; the caller knows which response (stage) it looked at. */
export type Check = Omit<CheckStep, 'stage' | 'outcome'>;

/** Records one check as it is made. */
export type RecordCheck = (check: Check, outcome: CheckOutcome) => void;

/** For callers that want only the failure (the exported checks' default). */
export const ignoreChecks: RecordCheck = () => {};

/** A recorder appending to `trail` the checks made on the response of `stage`. */
export function recorderFor(trail: CheckStep[], stage: CheckStage): RecordCheck {
  return (check, outcome) => {
    trail.push({ stage, ...check, outcome });
  };
}
