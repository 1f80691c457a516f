/**
 * Playwright passes one `--disable-features` list, and Chromium keeps only the last such switch.
 * Playwright's list includes AvoidCorsURLLoaderRestartOnRedirect, which changes how some CORS
 * redirect failures are reported; we repeat the rest of its list without that one so Chromium
 * decides CORS the way it does for users.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/** Switches for a Chromium that loads the unpacked extension at `extensionDir` on this closed network. */
export function chromiumArgs(extensionDir: string, extra: readonly string[] = []): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...extra,
  ];
}

/** Playwright default switches that would stop the extension from loading. */
export const IGNORED_DEFAULT_ARGS = ['--disable-extensions'];
