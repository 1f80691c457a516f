import { describe, expect, it } from 'vitest';
import { extensionManifest as manifest } from '../../../src/build/extension-manifest';
import { firefoxManifest, GECKO_ID } from '../../../src/build/firefox-manifest';

describe('firefoxManifest', () => {
  const firefox = firefoxManifest(manifest, { backgroundScript: 'background.js' });

  it('runs the background as an event page with a gecko id, instead of a service worker', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID } });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('asks for no debugger permission: precise mode is Chromium only', () => {
    expect(manifest.permissions).toContain('debugger');
    expect(firefox.permissions).toEqual(manifest.permissions.filter((permission) => permission !== 'debugger'));
    expect(JSON.stringify(firefox)).not.toContain('debugger');
  });

  it('keeps everything else of manifest.json: the other permissions, pages, action, CSP', () => {
    const {
      background: _chromeBackground,
      minimum_chrome_version: _chromeOnly,
      permissions: _withDebugger,
      ...shared
    } = manifest;
    expect(firefox).toMatchObject(shared);
    expect(firefox.manifest_version).toBe(3);
  });
});
