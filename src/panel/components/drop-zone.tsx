import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** The whole panel accepts a dropped HAR file. */
export function DropZone({ onFile, children }: { onFile(file: File): void; children: ComponentChildren }) {
  const [over, setOver] = useState(false);
  return (
    <main
      class={`panel${over ? ' drop-over' : ''}`}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer?.files[0];
        if (file !== undefined) onFile(file);
      }}
    >
      {children}
      {over && (
        <div class="drop-hint" aria-hidden="true">
          Drop a HAR file to analyse it
        </div>
      )}
    </main>
  );
}
