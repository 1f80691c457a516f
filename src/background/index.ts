/**
 * Composition root of the service worker. Every listener is registered synchronously here, at
 * the top level, so that an event which wakes a stopped worker is delivered to it. The webRequest
 * listeners are added here too, before the capture switch can be read: a paused worker removes
 * them again as soon as it knows (see createBackground's `ready`).
 */
import { showBadge, showDefaultBadge } from '../platform/action-badge';
import { onPauseMenuItemClicked, showPauseMenuItem } from '../platform/action-menu';
import { capturingBrowser } from '../platform/capturing-browser';
import { onPanelConnect } from '../platform/ports';
import { localCaptureSettingsStore } from '../platform/settings';
import { onBrowserStartup } from '../platform/startup';
import { sessionStore } from '../platform/storage';
import { allTabIds, onTabLoaded, onTabRemoved } from '../platform/tabs';
import { captureListeners } from '../platform/web-request';
import { createBackground } from './create-background';

const listeners = captureListeners((event) => void background.event(event));
listeners.add();

const background = createBackground({
  store: sessionStore,
  showBadge,
  browser: capturingBrowser(),
  capture: {
    settings: localCaptureSettingsStore(),
    listeners,
    showMenuItem: showPauseMenuItem,
    showDefaultBadge,
    tabIds: allTabIds,
  },
});

onTabRemoved((tabId) => void background.tabRemoved(tabId));
onTabLoaded((tabId) => void background.tabLoaded(tabId));
onPanelConnect((tabId, port) => void background.panelConnected(tabId, port));
onPauseMenuItemClicked((paused) => void background.setPaused(paused));
// Starting the worker is all it takes: `ready` re-badges every tab when capture is paused.
onBrowserStartup(() => void background.ready);
