import type { TabCounts, TabLogView } from '../../model/exchange-record';
import type { ToPanel } from '../../model/protocol';

function countsOf({ sameOriginCount, evictedCount, unpersistedCount }: TabCounts): TabCounts {
  return { sameOriginCount, evictedCount, unpersistedCount };
}

/**
 * Applies one worker message to the panel's copy of the tab log. A snapshot replaces everything,
 * so reconnecting after the worker was stopped never duplicates a request; its `snapshot-more`
 * pages follow it directly and append.
 */
export function applyMessage(log: TabLogView | null, message: ToPanel): TabLogView | null {
  if (message.type === 'snapshot') return message.log;
  if (log === null) return null;
  switch (message.type) {
    case 'snapshot-more':
      return { ...log, records: [...log.records, ...message.records] };
    case 'request-added': {
      const records = log.records.filter((record) => record.requestId !== message.record.requestId);
      records.push(message.record);
      return { ...log, records };
    }
    case 'request-evicted':
      return {
        ...log,
        ...countsOf(message),
        records: log.records.filter((record) => record.requestId !== message.requestId),
      };
    case 'log-cleared':
      return {
        ...log,
        records: [],
        sameOriginCount: 0,
        evictedCount: 0,
        unpersistedCount: 0,
        preserveLog: message.preserveLog,
      };
    case 'counts-changed':
      return { ...log, ...countsOf(message) };
    case 'capture-state':
      // The switch is not part of a tab's log: useLiveLog keeps it.
      return log;
  }
}
