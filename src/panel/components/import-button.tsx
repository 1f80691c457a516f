import { useRef } from 'preact/hooks';

/** "Import HAR": a button in front of a hidden file input. */
export function ImportButton({ onImport }: { onImport(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} title="Analyse a HAR file from any browser">
        Import HAR
      </button>
      <input
        ref={input}
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
    </>
  );
}
