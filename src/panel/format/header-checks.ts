/** The panel's check table: the engine's check trail as it is, each stage labelled; the order is the engine's. */
import type { CheckStage, CheckStep, Exchange, Verdict } from '../../engine';
import { checkTrail } from '../../engine';

/** The rows of the check table, one per check the browser made (`checkTrail` in the engine). */
export function headerChecks(exchange: Exchange, verdict: Verdict): CheckStep[] {
  return checkTrail(exchange, verdict);
}

export function stageLabel(stage: CheckStage): string {
  return stage.kind === 'redirect' ? `redirect ${stage.index + 1}` : stage.kind;
}
