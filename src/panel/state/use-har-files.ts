import { useState } from 'preact/hooks';
import type { ExchangeRecord } from '../../model/exchange-record';
import { saveTextFile } from '../dom/save-text-file';
import { exportFileName, exportHar, type ImportedLog, importHar } from './har-transfer';

export interface HarFiles {
  imported: ImportedLog | null;
  error: string | null;
  importFile(file: File): void;
  closeImport(): void;
  /** Saves `records` as HAR; secrets are redacted unless `keepSecrets`. */
  exportRecords(records: readonly ExchangeRecord[], keepSecrets: boolean): void;
}

/** Import (file picker or drop) and export of HAR files, all inside the panel. */
export function useHarFiles(version: string, now: () => Date): HarFiles {
  const [imported, setImported] = useState<ImportedLog | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    imported,
    error,
    importFile(file) {
      file.text().then(
        (text) => {
          try {
            setImported(importHar(text, file.name));
            setError(null);
          } catch (caught) {
            setError(`${file.name} is not a HAR file: ${caught instanceof Error ? caught.message : String(caught)}`);
          }
        },
        () => setError(`${file.name} could not be read.`),
      );
    },
    closeImport() {
      setImported(null);
      setError(null);
    },
    exportRecords(records, keepSecrets) {
      const at = now();
      const text = exportHar({ records, keepSecrets, now: at, version });
      saveTextFile(text, exportFileName(records, at), 'application/json');
    },
  };
}
