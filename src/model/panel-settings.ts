/** The panel's user settings as one versioned setting (see `versioned-setting.ts`). */
import { defineVersionedSetting, type SettingStore } from './versioned-setting';

export interface PanelSettings {
  /** The stack whose fix the detail view shows (an engine StackId; the panel checks it is one). */
  fixStack: string | null;
}

export type PanelSettingsStore = SettingStore<PanelSettings>;

/** Longer than any stack id: a longer stored string is not one, so it is not kept. */
const MAX_FIX_STACK_LENGTH = 64;

export const panelSettings = defineVersionedSetting<PanelSettings>({
  version: 1,
  defaults: { fixStack: null },
  readFields: ({ fixStack }) => ({
    fixStack: typeof fixStack === 'string' && fixStack.length <= MAX_FIX_STACK_LENGTH ? fixStack : null,
  }),
});
