/**
 * The single place that imports webextension-polyfill. Chrome now ships `browser`
 * natively and the polyfill is frozen upstream; dropping it must stay a one-file change.
 */
import browser from 'webextension-polyfill';

export type { Menus, Runtime, Storage, Tabs, WebRequest } from 'webextension-polyfill';
export { browser };
