import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  panelPortName,
  parsePanelPortName,
  parseToBackground,
  parseToPanel,
} from '../../../src/model/protocol';

describe('panel port names', () => {
  it('round-trips a tab id', () => {
    expect(parsePanelPortName(panelPortName(42))).toBe(42);
  });

  it.each(['', 'panel:', 'panel:-1', 'panel:01', 'panel:1.5', 'devtools:3', 'panel:12345678901'])(
    'rejects %j',
    (name) => {
      expect(parsePanelPortName(name)).toBeNull();
    },
  );
});

describe('message guards', () => {
  const summary = { tabId: 7, blockedCount: 2 };

  it('accepts a snapshot of the current version', () => {
    expect(parseToPanel({ type: 'snapshot', version: PROTOCOL_VERSION, summary })).toEqual({
      type: 'snapshot',
      version: PROTOCOL_VERSION,
      summary,
    });
  });

  it('drops messages of another version, unknown types and malformed summaries', () => {
    expect(parseToPanel({ type: 'snapshot', version: PROTOCOL_VERSION + 1, summary })).toBeNull();
    expect(parseToPanel({ type: 'surprise', version: PROTOCOL_VERSION, summary })).toBeNull();
    expect(parseToPanel({ type: 'snapshot', version: PROTOCOL_VERSION, summary: { tabId: 7 } })).toBeNull();
    expect(parseToPanel(null)).toBeNull();
    expect(parseToPanel('snapshot')).toBeNull();
  });

  it('accepts only a hello of the current version from panels', () => {
    expect(parseToBackground({ type: 'hello', version: PROTOCOL_VERSION })).not.toBeNull();
    expect(parseToBackground({ type: 'hello', version: 0 })).toBeNull();
  });
});
