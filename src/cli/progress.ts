/** A one-line progress indicator on stderr, only for an interactive terminal; redrawn at most every 200 ms. */
export interface Progress {
  update(bytes: number, total: number): void;
  done(): void;
}

const MB = 1024 * 1024;

export function progress(
  label: string,
  write: (text: string) => void,
  interactive: boolean,
  now: () => number,
): Progress {
  if (!interactive) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(bytes, total) {
      const time = now();
      if (time - last < 200) return;
      last = time;
      shown = true;
      const percent = total > 0 ? Math.floor((bytes / total) * 100) : 0;
      write(`\r${label}: ${percent}% (${Math.round(bytes / MB)} of ${Math.round(total / MB)} MB)\u001b[K`);
    },
    done() {
      if (shown) write('\r\u001b[K');
    },
  };
}
