import type { Badge } from '../model/badge';
import type { TabId } from '../model/ids';
import { browser } from './browser';

/** Red enough to read as "error" next to the browser's own toolbar icons, in light and dark themes. */
const ERROR_COLOR = '#d93025';

/**
 * The toolbar draws the action at 16 px, 32 at twice the pixel density. setIcon with paths loads
 * and decodes every size given, in the worker: the 48 and 128 px icons (the manifest's, for the
 * extensions page) would be 95% of that work and are never shown in the toolbar.
 */
const ICON_SIZES = [16, 32] as const;

function iconSet(name: 'lens' | 'lens-blocked'): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `/icons/${name}-${size}.png`]));
}

/**
 * Shows `badge` on one tab's action; the only caller of the badge APIs. Only what differs from
 * `previous` (what was last shown there) is set: setIcon with paths loads and decodes every icon
 * size in the worker each time (measured: milliseconds per call, the worker's largest cost in a
 * flood of requests).
 */
export async function showBadge(tabId: TabId, badge: Badge, previous?: Badge): Promise<void> {
  const colourChanged = previous === undefined || previous.color !== badge.color;
  try {
    await Promise.all([
      previous?.text === badge.text ? undefined : browser.action.setBadgeText({ tabId, text: badge.text }),
      previous?.title === badge.title ? undefined : browser.action.setTitle({ tabId, title: badge.title }),
      colourChanged
        ? browser.action.setIcon({ tabId, path: iconSet(badge.color === 'error' ? 'lens-blocked' : 'lens') })
        : undefined,
      colourChanged && badge.color === 'error'
        ? browser.action.setBadgeBackgroundColor({ tabId, color: ERROR_COLOR })
        : undefined,
    ]);
  } catch {
    // The tab closed between the event and the update: nothing is left to badge.
  }
}
