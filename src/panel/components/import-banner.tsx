import type { ImportedLog } from '../state/har-transfer';

/** Says loudly that the list shows a file, not the tab, and how to get back. */
export function ImportBanner({ imported, onClose }: { imported: ImportedLog; onClose(): void }) {
  const skipped = imported.warningCount > 0 ? `, ${imported.warningCount} entries skipped` : '';
  return (
    <div class="banner" role="status" data-testid="import-banner">
      <strong>Imported:</strong> <span class="file-name">{imported.fileName}</span>
      <span class="muted">
        {' '}
        — {imported.records.length} cross-origin requests from {imported.entryCount} entries{skipped}; not live.
      </span>
      <span class="spacer" />
      <button type="button" onClick={onClose}>
        Back to live log
      </button>
    </div>
  );
}
