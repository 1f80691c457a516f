import { render } from 'preact';
import manifest from '../../manifest.json' with { type: 'json' };
import { version } from '../../package.json' with { type: 'json' };
import { chromiumDebugger } from '../platform/chromium-debugger';
import { devtoolsTheme, inspectedTabId, onDevtoolsThemeChange } from '../platform/devtools-api';
import { localSettingsStore } from '../platform/settings';
import { App } from './app';
import { connectPanel } from './connection';
import { tabIdFromQuery } from './tab-to-inspect';
import './styles/base.css';
import './styles/layout.css';
import './styles/list.css';
import './styles/detail.css';
import './styles/detail-sections.css';

const root = document.getElementById('app');
if (root !== null) {
  // Follow DevTools' theme when inside it, live; standalone, prefers-color-scheme decides.
  const applyTheme = (theme: 'dark' | 'light') => {
    document.documentElement.dataset.theme = theme;
  };
  const theme = devtoolsTheme();
  if (theme !== null) applyTheme(theme);
  onDevtoolsThemeChange(applyTheme);
  const devtoolsTabId = inspectedTabId();
  const tabId = devtoolsTabId ?? tabIdFromQuery(location.search);
  // Inside DevTools the panel can pop out into a tab of its own; standalone, it already is one.
  const popOutUrl = devtoolsTabId === null ? null : `${location.pathname}?tabId=${devtoolsTabId}`;
  // The manifest names no homepage yet; About then says where the docs are instead of linking.
  const docsUrl =
    'homepage_url' in manifest && typeof manifest.homepage_url === 'string' ? manifest.homepage_url : null;
  render(
    <App
      tabId={tabId}
      connect={connectPanel}
      settings={localSettingsStore()}
      version={version}
      popOutUrl={popOutUrl}
      docsUrl={docsUrl}
      precise={chromiumDebugger()}
    />,
    root,
  );
}
