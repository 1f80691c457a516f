/**
 * Composition root of the service worker. Every listener is registered synchronously here, at
 * the top level, so that an event which wakes a stopped worker is delivered to it.
 */
import { showBadge } from '../platform/action-badge';
import { capturingBrowser } from '../platform/capturing-browser';
import { onPanelConnect } from '../platform/ports';
import { sessionStore } from '../platform/storage';
import { onTabLoaded, onTabRemoved } from '../platform/tabs';
import { onCaptureEvent } from '../platform/web-request';
import { createBackground } from './create-background';

const background = createBackground({ store: sessionStore, showBadge, browser: capturingBrowser() });

onCaptureEvent((event) => void background.event(event));
onTabRemoved((tabId) => void background.tabRemoved(tabId));
onTabLoaded((tabId) => void background.tabLoaded(tabId));
onPanelConnect((tabId, port) => void background.panelConnected(tabId, port));
