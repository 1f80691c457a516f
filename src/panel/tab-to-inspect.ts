import type { TabId } from '../model/ids';

/**
 * The tab a standalone panel (opened at `panel.html?tabId=N`, a pop-out view) inspects,
 * or null when the address names none.
 */
export function tabIdFromQuery(search: string): TabId | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^(0|[1-9][0-9]{0,9})$/.test(raw)) return null;
  return Number(raw);
}
