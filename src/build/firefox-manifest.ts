/** The Firefox add-on id: it pins the extension's storage and lets the zip be signed and updated. */
export const GECKO_ID = 'cors-lens@cors-lens';

/**
 * storage.session (where tab logs live) needs Firefox 115; `data_collection_permissions`, which
 * says CORS Lens collects nothing, is read from Firefox 140 (the current ESR).
 */
const STRICT_MIN_VERSION = '140.0';

export interface FirefoxManifestOptions {
  /** Path of the built background script inside the extension. */
  backgroundScript: string;
}

/**
 * Permissions only Chromium has: `debugger` (precise mode, which reads Chromium's own CORS verdict
 * through chrome.debugger). Firefox has no chrome.debugger, so its build does not ask for it, and
 * its panel, which offers precise mode only when the manifest names the permission, has no switch.
 * @see https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json/permissions
 */
const CHROMIUM_ONLY_PERMISSIONS: ReadonlySet<unknown> = new Set(['debugger']);

/**
 * Firefox's manifest from the Chrome one (manifest.json stays the only source): the background is
 * an event page (`background.scripts`; Firefox runs no extension service workers), it carries a
 * gecko id, and Chrome-only keys and permissions go. The entry paths are those of the Firefox build, which bundles
 * the same pages without crxjs.
 */
export function firefoxManifest(
  chrome: Readonly<Record<string, unknown>>,
  options: FirefoxManifestOptions,
): Record<string, unknown> {
  const { minimum_chrome_version: _chromeOnly, background: _serviceWorker, permissions, ...shared } = chrome;
  return {
    ...shared,
    permissions: Array.isArray(permissions)
      ? permissions.filter((permission) => !CHROMIUM_ONLY_PERMISSIONS.has(permission))
      : permissions,
    background: { scripts: [options.backgroundScript], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: STRICT_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
