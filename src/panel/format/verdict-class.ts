import type { Verdict } from '../../engine/verdict-types';

/** How the list groups a verdict: what the filters and the row colours go by. */
export type VerdictClass = 'blocked' | 'advisories' | 'passed' | 'other';

export function verdictClass(verdict: Verdict): VerdictClass {
  if (verdict.blocked) return 'blocked';
  if (verdict.kind === 'passed') return verdict.advisories.length > 0 ? 'advisories' : 'passed';
  return 'other';
}

const KIND_LABELS: Readonly<Record<Verdict['kind'], string>> = {
  blocked: 'blocked',
  passed: 'passed',
  'not-cors': 'not CORS',
  'network-error': 'network error',
  unknown: 'unknown',
};

/** The verdict in words: blocked, passed with advisories, passed, network error, … */
export function verdictLabel(verdict: Verdict): string {
  return verdictClass(verdict) === 'advisories' ? 'passed with advisories' : KIND_LABELS[verdict.kind];
}
