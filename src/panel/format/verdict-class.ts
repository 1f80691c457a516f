import type { Verdict } from '../../engine';
import { isCredentialsDependent } from '../../engine';
import { type ExchangeRecord, isBlockedRecord } from '../../model/exchange-record';

/** How the list groups a record: what the filters and the row colours go by. */
export type VerdictClass = 'blocked' | 'advisories' | 'passed' | 'other';

/** The record's class: blocked exactly when the badge counts it (`isBlockedRecord`). */
export function recordClass(record: Pick<ExchangeRecord, 'verdict' | 'exchange' | 'capturedBy'>): VerdictClass {
  return isBlockedRecord(record) ? 'blocked' : verdictClass(record.verdict);
}

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
  if (isCredentialsDependent(verdict)) return 'depends on credentials';
  return verdictClass(verdict) === 'advisories' ? 'passed with advisories' : KIND_LABELS[verdict.kind];
}
