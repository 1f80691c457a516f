import { describe, expect, it } from 'vitest';
import { capText } from '../../../../src/engine';
import { capturedText } from '../../../../src/panel/format/captured-text';

describe('capturedText', () => {
  it('shows an uncut value as safeText does', () => {
    expect(capturedText('a\u202Eb', 10)).toBe('a\\u{202E}b');
    expect(capturedText('x'.repeat(20), 10)).toBe('xxxxxxxxxx… (20 bytes)');
  });

  it("keeps the capture's marker in view when the display cuts the value shorter", () => {
    expect(capturedText(capText('y'.repeat(9_000), 8_192), 5)).toBe(
      'yyyy… [truncated by CORS Lens: 9000 bytes in all]',
    );
  });

  it('escapes a marker a server forged', () => {
    expect(capturedText('ok… [truncated by CORS Lens: \u202E]', 100)).toBe('ok… [truncated by CORS Lens: \\u{202E}]');
  });
});
