import { useEffect, useState } from 'preact/hooks';
import type { StackId } from '../../engine';
import { STACKS } from '../../engine';
import type { PanelSettingsStore } from '../../model/panel-settings';

const DEFAULT_STACK: StackId = 'express';

function asStackId(value: string | null): StackId | null {
  return STACKS.find((stack) => stack.id === value)?.id ?? null;
}

/** The stack whose fix is shown, remembered across panels and sessions in the settings store. */
export function useFixStack(settings: PanelSettingsStore): [StackId, (stack: StackId) => void] {
  const [stack, setStack] = useState<StackId>(DEFAULT_STACK);
  useEffect(() => {
    let active = true;
    settings.load().then((loaded) => {
      const stored = asStackId(loaded.fixStack);
      if (active && stored !== null) setStack(stored);
    });
    return () => {
      active = false;
    };
  }, [settings]);
  const choose = (next: StackId) => {
    setStack(next);
    settings.save({ fixStack: next }).catch(() => {
      // Not remembered this time; the choice still applies to this panel.
    });
  };
  return [stack, choose];
}
