import type { ExchangeRecord } from '../../../src/model/exchange-record';
import type { TabId } from '../../../src/model/ids';
import { snapshotOf, waitFor } from './extension';
import type { Firefox } from './firefox';

/** Waits until the tab's log holds the record of the request to `url`, and returns it. */
export async function recordFor(firefox: Firefox, probe: string, tabId: TabId, url: string): Promise<ExchangeRecord> {
  const log = await waitFor(
    () => snapshotOf(firefox, probe, tabId),
    (view) => view.records.some((record) => record.exchange.request.url === url),
  );
  const record = log.records.find((candidate) => candidate.exchange.request.url === url);
  if (record === undefined) throw new Error(`no record for ${url}`);
  return record;
}
