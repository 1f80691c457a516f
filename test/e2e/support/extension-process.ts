/**
 * The extension's renderer process, read from /proc (Linux): the service worker's CPU time and
 * the process's resident memory. CDP's Performance domain is not available on service-worker
 * targets and `performance.memory` is null there, so this is how the worker's cost is measured
 * (`npm run bench` reports it).
 */
import { readdirSync, readFileSync } from 'node:fs';

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** The pid of the extension renderer of the browser using `profileDir`, or null when none runs. */
export function extensionRendererPid(profileDir: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // Chromium rewrites its children's command lines (process titles): arguments may be joined by spaces.
    const args = readOr(`/proc/${entry}/cmdline`, '').split(/[\0 ]/);
    if (args.includes('--extension-process') && args.includes(`--user-data-dir=${profileDir}`)) return Number(entry);
  }
  return null;
}

/**
 * Nanoseconds the renderer's "ServiceWorker thread"s have spent on a CPU (first field of
 * schedstat). Threads of workers that stopped are gone, so measure deltas within one worker life.
 */
export function serviceWorkerCpuNs(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    // comm is cut to 15 characters: "ServiceWorker t".
    if (!readOr(`/proc/${pid}/task/${task}/comm`, '').startsWith('ServiceWorker')) continue;
    total += Number(readOr(`/proc/${pid}/task/${task}/schedstat`, '0').split(' ')[0]);
  }
  return total;
}

/** Resident memory of the process in bytes (VmRSS). */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readOr(`/proc/${pid}/status`, ''));
  return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
}
