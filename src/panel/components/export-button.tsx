import { closeMenuOf } from '../dom/close-menu';

/** "Export HAR" (redacted) and, in its ▾ menu, the export with secrets: one control. */
export function ExportButton({ canExport, onExport }: { canExport: boolean; onExport(keepSecrets: boolean): void }) {
  return (
    <span class="split-button">
      <button
        type="button"
        onClick={() => onExport(false)}
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
              closeMenuOf(event.currentTarget);
              onExport(true);
            }}
          >
            Export HAR with secrets (cookies, tokens, bodies)
          </button>
        </div>
      </details>
    </span>
  );
}
