import type { Ref } from 'preact';

/** The hidden file input behind "Import HAR" (inline when wide, in the overflow menu when narrow). */
export function ImportInput({ inputRef, onImport }: { inputRef: Ref<HTMLInputElement>; onImport(file: File): void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".har,.json,application/json"
      class="visually-hidden"
      aria-label="HAR file to import"
      data-testid="import-input"
      tabIndex={-1}
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.value = '';
        if (file !== undefined) onImport(file);
      }}
    />
  );
}
