export interface DemoOptions {
  /** Run every case headless, print what the panel shows, write the report and exit. */
  report: boolean;
  /** Start Chromium without a window. */
  headless: boolean;
  /** Where the report run writes its HAR and screenshot. */
  outDir: string | null;
  help: boolean;
}

export const USAGE = `Usage: npm run demo [-- options]

Starts the demo server (an app page and an API on two loopback origins) and Chromium with CORS Lens
loaded, the demo page open and DevTools on the CORS panel. Ctrl-C stops everything.

Without a display (no DISPLAY or WAYLAND_DISPLAY), or with --headless, it runs every request once
headless, prints what the CORS panel shows, writes the exported HAR and a screenshot, and exits.

Options:
  --headless     run the whole demo headless, print the panel, write the report, exit
  --interactive  stay open until Ctrl-C even without a display (Chromium then runs headless)
  --out <dir>    where --headless writes its files (default: dist-demo/report)
  -h, --help     show this help`;

export class UsageError extends Error {}

/** Parses `npm run demo -- …`; `hasDisplay` decides the default between a window and a report. */
export function parseDemoArgs(argv: readonly string[], hasDisplay: boolean): DemoOptions {
  let headless = false;
  let interactive = false;
  let outDir: string | null = null;
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--headless') headless = true;
    else if (arg === '--interactive') interactive = true;
    else if (arg === '-h' || arg === '--help') help = true;
    else if (arg === '--out' || arg?.startsWith('--out=')) {
      const value = arg === '--out' ? argv[++index] : arg.slice('--out='.length);
      if (value === undefined || value === '') throw new UsageError('--out needs a directory');
      outDir = value;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (headless && interactive) throw new UsageError('--headless and --interactive exclude each other');
  const report = headless || (!hasDisplay && !interactive);
  return { report, headless: report || !hasDisplay, outDir, help };
}

/** True when a graphical session is there to show a browser window in. */
export function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}
