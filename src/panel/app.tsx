import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ExchangeRecord } from '../model/exchange-record';
import type { RequestId, TabId } from '../model/ids';
import type { PanelSettingsStore } from '../model/panel-settings';
import type { PreciseModeDriver } from '../model/precise-mode';
import { AboutDialog } from './components/about-dialog';
import { DetailView } from './components/detail-view';
import { DropZone } from './components/drop-zone';
import { EmptyState } from './components/empty-state';
import { FilterBar } from './components/filter-bar';
import { ImportBanner } from './components/import-banner';
import { PreciseBanner } from './components/precise-banner';
import { RequestList } from './components/request-list';
import { TopBar } from './components/top-bar';
import type { ConnectFn } from './connection';
import { saveTextFile } from './dom/save-text-file';
import { latestPageOrigin } from './format/page-origin';
import { agreementOf } from './state/agreement';
import { fidelityReport } from './state/fidelity-report';
import { filterRecords, type RecordFilter } from './state/filter-records';
import { useFixStack } from './state/use-fix-stack';
import { useHarFiles } from './state/use-har-files';
import { useLiveLog } from './state/use-live-log';
import { usePreciseMode } from './state/use-precise-mode';

export interface AppProps {
  tabId: TabId | null;
  connect: ConnectFn;
  settings: PanelSettingsStore;
  /** The extension's version, written into exported files. */
  version: string;
  /** This panel as a page of its own, for "Open in a tab"; null when it already is one. */
  popOutUrl: string | null;
  /** The project's documentation (the manifest's homepage_url), for About; null when it names none. */
  docsUrl?: string | null;
  /** Chromium's debugger for precise mode; null where the browser has none (Firefox). */
  precise?: PreciseModeDriver | null;
  now?: () => Date;
}

const NO_RECORDS: readonly ExchangeRecord[] = [];
const systemNow = () => new Date();

export function App({
  tabId,
  connect,
  settings,
  version,
  popOutUrl,
  docsUrl = null,
  precise: driver = null,
  now = systemNow,
}: AppProps) {
  const live = useLiveLog(tabId, connect);
  // Precise mode compares Chromium's verdicts with the live log's, never with a file's.
  const precise = usePreciseMode(driver, tabId, live.log?.records ?? NO_RECORDS);
  const files = useHarFiles(version, now);
  const [fixStack, setFixStack] = useFixStack(settings);
  const [filter, setFilter] = useState<RecordFilter>('all');
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<RequestId | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);

  const records = files.imported?.records ?? live.log?.records ?? NO_RECORDS;
  const visible = useMemo(() => filterRecords(records, filter, query), [records, filter, query]);
  // The top bar's count: records the engine judged blocked (`verdict.blocked`). Not the toolbar
  // badge's count, which also counts requests the browser blocked without the headers to say why
  // (`blockedRecordCount` in src/background/tab-logs.ts, `isBlockedRecord`).
  const verdictBlockedCount = useMemo(
    () => records.reduce((n, record) => n + (record.verdict.blocked ? 1 : 0), 0),
    [records],
  );
  const selected = useMemo(
    () => (selectedId === null ? undefined : records.find((record) => record.requestId === selectedId)),
    [records, selectedId],
  );

  // The blocked count in the page's title: the tab's title when the panel is popped out. DevTools
  // itself keeps showing "CORS", the title given to chrome.devtools.panels.create, which no
  // extension API can change after the panel exists.
  useEffect(() => {
    document.title = verdictBlockedCount > 0 ? `CORS (${verdictBlockedCount} blocked)` : 'CORS';
  }, [verdictBlockedCount]);

  if (tabId === null) {
    return (
      <main class="empty">
        <h1>CORS Lens</h1>
        <p>
          No tab to inspect. Open this panel from DevTools, or add <code>?tabId=N</code> to its address.
        </p>
      </main>
    );
  }

  const showDetail = detailOpen && selected !== undefined;
  const select = (requestId: RequestId, open: boolean) => {
    setSelectedId(requestId);
    if (open) setDetailOpen(true);
  };
  const isLive = files.imported === null;
  const agreementFor = (record: ExchangeRecord) => {
    const chromium = precise.pairs.get(record.requestId);
    return chromium === undefined ? null : agreementOf(record, chromium);
  };
  const selectedChromium = isLive && selected !== undefined ? precise.pairs.get(selected.requestId) : undefined;
  const exportFidelityReport = () => {
    if (selected === undefined || selectedChromium?.outcome == null) return;
    const report = fidelityReport({ record: selected, chromium: selectedChromium.outcome, now: now(), version });
    saveTextFile(report.text, report.fileName, 'application/json');
  };
  const switchSource = (action: () => void) => {
    setSelectedId(null);
    setDetailOpen(false);
    action();
  };

  return (
    <DropZone onFile={(file) => switchSource(() => files.importFile(file))}>
      <TopBar
        tabId={tabId}
        pageOrigin={isLive ? latestPageOrigin(records) : null}
        status={live.status}
        paused={isLive ? live.paused : null}
        blocked={verdictBlockedCount}
        evicted={isLive ? (live.log?.evictedCount ?? 0) : 0}
        unsaved={isLive ? (live.log?.unpersistedCount ?? 0) : 0}
        canExport={records.length > 0}
        popOutUrl={popOutUrl}
        onExport={(keepSecrets) => files.exportRecords(records, keepSecrets)}
        onImport={(file) => switchSource(() => files.importFile(file))}
        onAbout={() => setAboutOpen(true)}
        onPause={live.setPaused}
        precise={precise.offered ? { on: precise.on, busy: precise.busy, onTurn: precise.turn } : null}
      />
      <PreciseBanner on={precise.on} notice={precise.notice} onTurnOff={() => precise.turn(false)} />
      <FilterBar
        filter={filter}
        query={query}
        shown={visible.length}
        total={records.length}
        preserveLog={live.log?.preserveLog ?? false}
        live={isLive}
        onFilter={setFilter}
        onQuery={setQuery}
        onPreserveLog={live.setPreserveLog}
        onClear={live.clear}
      />
      {isLive && live.paused === true && (
        <div class="banner paused-banner" role="status" data-testid="paused-banner">
          <strong>Capture paused</strong>
          <span class="muted">
            — CORS Lens observes no request in any tab until you resume; the list keeps what was captured before.
          </span>
          <span class="spacer" />
          <button type="button" onClick={() => live.setPaused(false)}>
            Resume capture
          </button>
        </div>
      )}
      {files.imported !== null && (
        <ImportBanner imported={files.imported} onClose={() => switchSource(files.closeImport)} />
      )}
      {files.error !== null && (
        <div class="banner error" role="alert">
          {files.error}
        </div>
      )}
      <div class={`workspace${showDetail ? ' with-detail' : ''}`}>
        {visible.length === 0 ? (
          <EmptyState filtered={records.length > 0} />
        ) : (
          <RequestList
            records={visible}
            selectedId={selectedId}
            fixStack={fixStack}
            onSelect={select}
            onOpen={() => setDetailOpen(true)}
            agreement={isLive ? agreementFor : undefined}
          />
        )}
        {showDetail && (
          <DetailView
            record={selected}
            fixStack={fixStack}
            onFixStack={setFixStack}
            onClose={() => setDetailOpen(false)}
            chromium={selectedChromium}
            onExportFidelityReport={exportFidelityReport}
          />
        )}
      </div>
      {aboutOpen && <AboutDialog version={version} docsUrl={docsUrl} onClose={() => setAboutOpen(false)} />}
    </DropZone>
  );
}
