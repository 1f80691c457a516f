import { safeText } from '../../engine/safe-text';
import { LOG_BOUNDS } from '../../model/capture-limits';
import type { TabId } from '../../model/ids';
import type { ConnectionStatus } from '../connection';
import { ImportButton } from './import-button';

export interface TopBarProps {
  tabId: TabId;
  /** The origin of the page whose requests are listed; null before any was seen. */
  pageOrigin: string | null;
  status: ConnectionStatus;
  blocked: number;
  evicted: number;
  /** Requests storage refused to keep (its quota was full). */
  unsaved: number;
  canExport: boolean;
  /** The address of this panel as a page of its own; null when already one. */
  popOutUrl: string | null;
  /** Secrets are redacted unless `keepSecrets`. */
  onExport(keepSecrets: boolean): void;
  onImport(file: File): void;
}

const MiB = 1024 * 1024;

/** Title, what is inspected and its state, and the file actions (import, export, pop out). */
export function TopBar(props: TopBarProps) {
  const { tabId, pageOrigin, status, blocked, evicted, unsaved, canExport, popOutUrl } = props;
  return (
    <header class="bar top-bar">
      <h1>CORS Lens</h1>
      <span class="muted page-origin" data-testid="page-origin" title={`Tab ${tabId}`}>
        {pageOrigin === null ? 'this tab' : safeText(pageOrigin, 200)}
      </span>
      <span class={`status status-${status}`} data-testid="connection-status" role="status">
        {status === 'connected' ? 'Live' : 'Connecting to the extension…'}
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
      <span class="split-button">
        <button
          type="button"
          onClick={() => props.onExport(false)}
          disabled={!canExport}
          title="Download the list as HAR 1.2 with CORS verdicts; cookies, tokens, keys and bodies left out"
        >
          Export HAR
        </button>
        <details class="menu">
          <summary aria-label="More export choices" title="More export choices" aria-disabled={!canExport}>
            ▾
          </summary>
          <div class="menu-items">
            <button
              type="button"
              disabled={!canExport}
              onClick={(event) => {
                event.currentTarget.closest('details')?.removeAttribute('open');
                props.onExport(true);
              }}
            >
              Export HAR with secrets (cookies, tokens, bodies)
            </button>
          </div>
        </details>
      </span>
      {popOutUrl !== null && (
        <a class="button" href={popOutUrl} target="_blank" rel="noopener" title="Open this panel in a browser tab">
          Open in a tab
        </a>
      )}
    </header>
  );
}
