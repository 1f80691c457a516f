import { useRef } from 'preact/hooks';
import { safeText } from '../../engine';
import { LOG_BOUNDS } from '../../model/capture-limits';
import type { TabId } from '../../model/ids';
import type { ConnectionStatus } from '../connection';
import { ExportButton } from './export-button';
import { ImportInput } from './import-input';
import { OverflowMenu } from './overflow-menu';
import { PreciseSwitch, type PreciseSwitchProps } from './precise-switch';

export interface TopBarProps {
  tabId: TabId;
  /** The origin of the page whose requests are listed; null before any was seen. */
  pageOrigin: string | null;
  status: ConnectionStatus;
  /** Capture paused in every tab; null until the worker says, or when the list shows a file. */
  paused: boolean | null;
  /** Records the engine judged blocked (not the toolbar badge's count: see app.tsx). */
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
  onAbout(): void;
  onPause(paused: boolean): void;
  /** The precise-mode switch (it concerns the tab, also while a file is shown); null where the browser has no debugger (Firefox). */
  precise: PreciseSwitchProps | null;
}

const MiB = 1024 * 1024;

/**
 * Title, what is inspected and its state, and the file actions. Export stays in view at every
 * width; Import and "Open in a tab" move into the ⋯ menu when the panel is narrow (the `wide-only`
 * and `narrow-only` classes answer the panel's container query in styles/layout.css).
 */
export function TopBar(props: TopBarProps) {
  const { tabId, pageOrigin, status, paused, blocked, evicted, unsaved, canExport, popOutUrl } = props;
  const importInput = useRef<HTMLInputElement>(null);
  const chooseFile = () => importInput.current?.click();
  return (
    <header class="bar top-bar">
      <h1>CORS Lens</h1>
      <span class="muted page-origin" data-testid="page-origin" title={`Tab ${tabId}`}>
        {pageOrigin === null ? 'this tab' : safeText(pageOrigin, 200)}
      </span>
      <span class={`status status-${status}`} data-testid="connection-status" role="status">
        {status !== 'connected' ? 'Connecting to the extension…' : paused === true ? 'Paused' : 'Live'}
      </span>
      {paused !== null && (
        <button
          type="button"
          class="pause-toggle"
          data-testid="pause-toggle"
          aria-pressed={paused}
          onClick={() => props.onPause(!paused)}
          title={
            paused
              ? 'Capture is paused in every tab: resume it'
              : 'Stop observing requests in every tab: pages pay nothing while paused'
          }
        >
          {paused ? 'Resume capture' : 'Pause capture'}
        </button>
      )}
      {props.precise !== null && <PreciseSwitch {...props.precise} />}
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
      <ImportInput inputRef={importInput} onImport={props.onImport} />
      <button type="button" class="wide-only" onClick={chooseFile} title="Analyse a HAR file from any browser">
        Import HAR
      </button>
      <ExportButton canExport={canExport} onExport={props.onExport} />
      {popOutUrl !== null && (
        <a
          class="button wide-only"
          href={popOutUrl}
          target="_blank"
          rel="noopener"
          title="Open this panel in a browser tab"
        >
          Open in a tab
        </a>
      )}
      <OverflowMenu onImport={chooseFile} popOutUrl={popOutUrl} onAbout={props.onAbout} />
    </header>
  );
}
