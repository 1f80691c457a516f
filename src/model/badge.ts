export type BadgeColor = 'error' | 'paused' | 'none';

export interface Badge {
  text: string;
  color: BadgeColor;
  title: string;
}

/** Badge text stays legible in the action's 4-character slot. */
const MAX_BADGE_COUNT = 999;

/** Turns a tab's blocked count into what the toolbar shows for that tab. */
export function badgeFor(blockedCount: number): Badge {
  if (!Number.isFinite(blockedCount) || blockedCount <= 0) {
    return { text: '', color: 'none', title: 'CORS Lens: no blocked cross-origin requests in this tab' };
  }
  const text = blockedCount > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : String(Math.floor(blockedCount));
  const noun = blockedCount === 1 ? 'request' : 'requests';
  return {
    text,
    color: 'error',
    title: `CORS Lens: ${text} blocked cross-origin ${noun} in this tab. Open DevTools → CORS to see why.`,
  };
}

/**
 * What every tab shows while capture is paused: no count (nothing is being counted), and a title
 * that says how to turn capture back on.
 */
export const PAUSED_BADGE: Badge = {
  text: 'off',
  color: 'paused',
  title: 'CORS Lens: capture paused. Right-click this icon → Pause capture to resume.',
};
