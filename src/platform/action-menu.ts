import { browser, type Menus } from './browser';

/** The item's id: one item, so one id. */
const PAUSE_ITEM_ID = 'pause-capture';

/**
 * The "Pause capture" checkbox in the toolbar button's context menu. `contextMenus` is the name
 * both browsers accept (Firefox reads it as `menus`); the `action` context is the toolbar button of
 * a Manifest V3 extension.
 * @see https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/menus/ContextType
 */
const PAUSE_ITEM: Menus.CreateCreatePropertiesType = {
  id: PAUSE_ITEM_ID,
  type: 'checkbox',
  title: 'Pause capture',
  contexts: ['action'],
};

/** This worker life's menu item, created once; later calls only update its check mark. */
let created: Promise<void> | null = null;

/**
 * Creates the item afresh in each worker life (removing whatever an earlier life or version left,
 * so `create` never meets a duplicate id), checked when capture is paused.
 */
function createPauseItem(paused: boolean): Promise<void> {
  return browser.contextMenus
    .removeAll()
    .then(
      () =>
        new Promise<void>((done) => {
          browser.contextMenus.create({ ...PAUSE_ITEM, checked: paused }, () => {
            // Read, so Chrome does not log it as unchecked; a failed create leaves no item to update.
            void browser.runtime.lastError;
            done();
          });
        }),
    )
    .catch(() => undefined);
}

/** Shows the item checked when capture is paused, unchecked when it runs. */
export function showPauseMenuItem(paused: boolean): Promise<void> {
  if (created === null) {
    created = createPauseItem(paused);
    return created;
  }
  return created.then(() => browser.contextMenus.update(PAUSE_ITEM_ID, { checked: paused })).catch(() => undefined);
}

/**
 * Calls `listener` with the state the user chose when they click the item (a checkbox: the browser
 * has already toggled it). Must be called synchronously at the worker's top level, so that the
 * click wakes a stopped worker.
 */
export function onPauseMenuItemClicked(listener: (paused: boolean) => void): void {
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === PAUSE_ITEM_ID) listener(info.checked === true);
  });
}
