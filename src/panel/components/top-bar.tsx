import { LOG_BOUNDS } from '../../model/capture-limits';
import type { TabId } from '../../model/ids';
import type { ConnectionStatus } from '../connection';
import { ImportButton } from './import-button';

export interface TopBarProps {
  tabId: TabId;
  status: ConnectionStatus;
  blocked: number;
  evicted: number;
  /** Requests storage refused to keep (its quota was full). */
  unsaved: number;
  keepSecrets: boolean;
  canExport: boolean;
  /** The address of this panel as a page of its own; null when already one. */
  popOutUrl: string | null;
  onKeepSecrets(keep: boolean): void;
  onExport(): void;
  onImport(file: File): void;
}

const MiB = 1024 * 1024;

/** Title, what is inspected and its state, and the file actions (import, export, pop out). */
export function TopBar(props: TopBarProps) {
  const { tabId, status, blocked, evicted, unsaved, keepSecrets, canExport, popOutUrl } = props;
  return (
    <header class="bar top-bar">
      <h1>CORS Lens</h1>
      <span class="muted" data-testid="tab-id">
        Tab {tabId}
      </span>
      <span class={`status status-${status}`} data-testid="connection-status" role="status">
        {status === 'connected' ? 'Recording' : 'Connecting to the extension…'}
      </span>
      <span class={blocked > 0 ? 'count count-blocked' : 'count'} data-testid="blocked-count">
        {blocked} blocked
      </span>
      {evicted > 0 && (
        <span class="muted" data-testid="evicted-count">
          {evicted} dropped: log limit ({LOG_BOUNDS.perTab} requests, {LOG_BOUNDS.perTabBytes / MiB} MB)
        </span>
      )}
      {unsaved > 0 && (
        <span
          class="warning"
          data-testid="unsaved-count"
          role="status"
          title="Shown until the browser restarts the extension's worker, then lost"
        >
          {unsaved} not saved: browser storage is full
        </span>
      )}
      <span class="spacer" />
      <ImportButton onImport={props.onImport} />
      <button
        type="button"
        onClick={props.onExport}
        disabled={!canExport}
        title="Download the list as HAR 1.2 with CORS verdicts"
      >
        Export HAR
      </button>
      <label
        class="check"
        title="Bodies are dropped and secret headers, cookies and URL tokens redacted unless this is ticked"
      >
        <input type="checkbox" checked={keepSecrets} onChange={(e) => props.onKeepSecrets(e.currentTarget.checked)} />
        with secrets
      </label>
      {popOutUrl !== null && (
        <a class="button" href={popOutUrl} target="_blank" rel="noopener" title="Open this panel in a browser tab">
          Open in a tab
        </a>
      )}
    </header>
  );
}
