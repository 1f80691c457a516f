import { createDevtoolsPanel } from '../platform/devtools-api';

// The panel path is the built location of src/panel/panel.html, relative to the extension root.
void createDevtoolsPanel('CORS', 'icons/lens-32.png', 'src/panel/panel.html');
