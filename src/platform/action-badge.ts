import type { Badge } from '../model/badge';
import type { TabId } from '../model/ids';
import { browser } from './browser';

/** Red enough to read as "error" next to the browser's own toolbar icons, in light and dark themes. */
const ERROR_COLOR = '#d93025';

const ICON_SIZES = [16, 32, 48, 128] as const;

function iconSet(name: 'lens' | 'lens-blocked'): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `/icons/${name}-${size}.png`]));
}

/** Shows `badge` on one tab's action; the only caller of the badge APIs. */
export async function showBadge(tabId: TabId, badge: Badge): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setTitle({ tabId, title: badge.title }),
      browser.action.setIcon({ tabId, path: iconSet(badge.color === 'error' ? 'lens-blocked' : 'lens') }),
      badge.color === 'error' ? browser.action.setBadgeBackgroundColor({ tabId, color: ERROR_COLOR }) : undefined,
    ]);
  } catch {
    // The tab closed between the event and the update: nothing is left to badge.
  }
}
