import { render } from 'preact';
import { inspectedTabId } from '../platform/devtools';
import { App } from './app';
import { connectPanel } from './connection';
import { tabIdFromQuery } from './tab-to-inspect';
import './panel.css';

const root = document.getElementById('app');
if (root !== null) {
  const tabId = inspectedTabId() ?? tabIdFromQuery(location.search);
  render(<App tabId={tabId} connect={connectPanel} />, root);
}
