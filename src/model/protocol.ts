import type { TabId } from './ids';

/** Bumped whenever a message shape changes; a panel and worker of different versions reconnect. */
export const PROTOCOL_VERSION = 1;

const PANEL_PORT_PREFIX = 'panel:';

/** The summary a panel needs before the full log exists. */
export interface TabSummary {
  tabId: TabId;
  blockedCount: number;
}

export type ToPanel =
  | { type: 'snapshot'; version: number; summary: TabSummary }
  | { type: 'summary-changed'; version: number; summary: TabSummary };

export type ToBackground = { type: 'hello'; version: number };

export function panelPortName(tabId: TabId): string {
  return `${PANEL_PORT_PREFIX}${tabId}`;
}

/** The tab a panel port belongs to, or null when the name is not a panel port's. */
export function parsePanelPortName(name: string): TabId | null {
  if (!name.startsWith(PANEL_PORT_PREFIX)) return null;
  const digits = name.slice(PANEL_PORT_PREFIX.length);
  if (!/^(0|[1-9][0-9]{0,9})$/.test(digits)) return null;
  return Number(digits);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isTabSummary(value: unknown): value is TabSummary {
  return (
    isRecord(value) &&
    typeof value.tabId === 'number' &&
    typeof value.blockedCount === 'number' &&
    Number.isInteger(value.blockedCount) &&
    value.blockedCount >= 0
  );
}

/** Validates a message that arrived on a port; anything else is dropped by the caller. */
export function parseToPanel(message: unknown): ToPanel | null {
  if (!isRecord(message) || message.version !== PROTOCOL_VERSION) return null;
  if ((message.type === 'snapshot' || message.type === 'summary-changed') && isTabSummary(message.summary)) {
    return { type: message.type, version: PROTOCOL_VERSION, summary: message.summary };
  }
  return null;
}

export function parseToBackground(message: unknown): ToBackground | null {
  if (isRecord(message) && message.type === 'hello' && message.version === PROTOCOL_VERSION) {
    return { type: 'hello', version: PROTOCOL_VERSION };
  }
  return null;
}
