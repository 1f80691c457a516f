import { beforeEach, describe, expect, it, vi } from 'vitest';

/** contextMenus as the browser has it, recording calls; `onClicked` can be fired as a click would. */
const calls: Array<[string, unknown]> = [];
const clickListeners: Array<(info: { menuItemId: string | number; checked?: boolean }) => void> = [];
vi.mock('../../../src/platform/browser', () => ({
  browser: {
    runtime: { lastError: undefined },
    contextMenus: {
      removeAll: async () => {
        calls.push(['removeAll', null]);
      },
      create: (properties: unknown, done: () => void) => {
        calls.push(['create', properties]);
        done();
        return 'pause-capture';
      },
      update: async (id: string, properties: unknown) => {
        calls.push(['update', { id, ...(properties as object) }]);
      },
      onClicked: { addListener: (listener: (typeof clickListeners)[number]) => clickListeners.push(listener) },
    },
  },
}));

beforeEach(() => {
  calls.length = 0;
  clickListeners.length = 0;
  vi.resetModules();
});

const load = () => import('../../../src/platform/action-menu');

describe('the toolbar menu item', () => {
  it('is created once per worker life, as a checkbox on the toolbar button only, then updated', async () => {
    const { showPauseMenuItem } = await load();
    await showPauseMenuItem(true);
    await showPauseMenuItem(false);
    expect(calls).toEqual([
      ['removeAll', null],
      [
        'create',
        { id: 'pause-capture', type: 'checkbox', title: 'Pause capture', contexts: ['action'], checked: true },
      ],
      ['update', { id: 'pause-capture', checked: false }],
    ]);
  });

  it("reports a click on it with the checkbox's new state, and ignores other items", async () => {
    const { onPauseMenuItemClicked } = await load();
    const chosen: boolean[] = [];
    onPauseMenuItemClicked((paused) => chosen.push(paused));
    for (const listener of clickListeners) {
      listener({ menuItemId: 'pause-capture', checked: true });
      listener({ menuItemId: 'someone-else', checked: true });
      listener({ menuItemId: 'pause-capture', checked: false });
    }
    expect(chosen).toEqual([true, false]);
  });
});
