import type { TabId } from '../model/ids';
import type { ToPanel } from '../model/protocol';

/** What a state change asks of the outside: badges to refresh and panel messages to send, in order. */
export interface Effects {
  badges: Set<TabId>;
  messages: Array<[TabId, ToPanel]>;
}

export function noEffects(): Effects {
  return { badges: new Set(), messages: [] };
}
