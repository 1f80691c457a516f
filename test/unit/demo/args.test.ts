import { describe, expect, it } from 'vitest';
import { hasDisplay, parseDemoArgs, UsageError } from '../../../src/demo/args';

describe('npm run demo options', () => {
  it('opens a window when there is a display, and runs the headless report when there is none', () => {
    expect(parseDemoArgs([], true)).toMatchObject({ report: false, headless: false });
    expect(parseDemoArgs([], false)).toMatchObject({ report: true, headless: true });
  });

  it('--headless always runs the report; --interactive stays open, headless without a display', () => {
    expect(parseDemoArgs(['--headless'], true)).toMatchObject({ report: true, headless: true });
    expect(parseDemoArgs(['--interactive'], false)).toMatchObject({ report: false, headless: true });
    expect(parseDemoArgs(['--interactive'], true)).toMatchObject({ report: false, headless: false });
  });

  it('takes --out in both spellings and refuses what it does not know', () => {
    expect(parseDemoArgs(['--out', 'here'], false).outDir).toBe('here');
    expect(parseDemoArgs(['--out=there'], false).outDir).toBe('there');
    expect(() => parseDemoArgs(['--out'], false)).toThrow(UsageError);
    expect(() => parseDemoArgs(['--headles'], false)).toThrow('unknown option --headles');
    expect(() => parseDemoArgs(['--headless', '--interactive'], false)).toThrow(UsageError);
  });

  it('counts X11 and Wayland as a display, an empty variable as none', () => {
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay({ DISPLAY: '' })).toBe(false);
    expect(hasDisplay({})).toBe(false);
  });
});
