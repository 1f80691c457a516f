/** Labels for the panel's check table, which renders the verdict's check trail (`Verdict.trail`) as it is. */
import type { CheckStage } from '../../engine';

export function stageLabel(stage: CheckStage): string {
  if (stage.kind === 'redirect') return `redirect ${stage.index + 1}`;
  if (stage.kind === 'preflight' && stage.afterRedirect !== null) {
    return `preflight after redirect ${stage.afterRedirect + 1}`;
  }
  return stage.kind;
}
