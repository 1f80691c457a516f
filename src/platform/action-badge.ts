import type { Badge, BadgeColor } from '../model/badge';
import type { TabId } from '../model/ids';
import { browser } from './browser';

/**
 * The badge's background per state: red enough to read as "error" next to the browser's own
 * toolbar icons, in light and dark themes; grey for paused, which is a state, not a problem.
 */
const BADGE_BACKGROUND = { error: '#d93025', paused: '#5f6368', none: null } as const satisfies Record<
  BadgeColor,
  string | null
>;

/**
 * The toolbar draws the action at 16 px, 32 at twice the pixel density. setIcon with paths loads
 * and decodes every size given, in the worker: the 48 and 128 px icons (the manifest's, for the
 * extensions page) would be 95% of that work and are never shown in the toolbar.
 */
const ICON_SIZES = [16, 32] as const;

function iconSet(name: 'lens' | 'lens-blocked'): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `/icons/${name}-${size}.png`]));
}

/** Sets what differs from `previous` on one tab's action, or on the default of every tab without `tabId`. */
async function setBadge(target: { tabId?: TabId }, badge: Badge, previous?: Badge): Promise<void> {
  const colourChanged = previous === undefined || previous.color !== badge.color;
  const background = BADGE_BACKGROUND[badge.color];
  await Promise.all([
    previous?.text === badge.text ? undefined : browser.action.setBadgeText({ ...target, text: badge.text }),
    previous?.title === badge.title ? undefined : browser.action.setTitle({ ...target, title: badge.title }),
    colourChanged
      ? browser.action.setIcon({ ...target, path: iconSet(badge.color === 'error' ? 'lens-blocked' : 'lens') })
      : undefined,
    colourChanged && background !== null
      ? browser.action.setBadgeBackgroundColor({ ...target, color: background })
      : undefined,
  ]);
}

/**
 * Shows `badge` on one tab's action; with `showDefaultBadge`, the only caller of the badge APIs.
 * Only what differs from `previous` (what was last shown there) is set: setIcon with paths loads
 * and decodes every icon size in the worker each time (measured: milliseconds per call, the
 * worker's largest cost in a flood of requests).
 */
export async function showBadge(tabId: TabId, badge: Badge, previous?: Badge): Promise<void> {
  try {
    await setBadge({ tabId }, badge, previous);
  } catch {
    // The tab closed between the event and the update: nothing is left to badge.
  }
}

/**
 * Shows `badge` on every tab that has no badge of its own: tabs opened later, and tabs whose
 * document changed (the browser drops a tab's own badge then).
 */
export async function showDefaultBadge(badge: Badge): Promise<void> {
  await setBadge({}, badge);
}
