/**
 * The extension's manifest as the builds write it: manifest.json with the version from
 * package.json, the version's one home (the CLI's --version and the panel's About read it there too).
 */
import manifest from '../../manifest.json' with { type: 'json' };
import packageJson from '../../package.json' with { type: 'json' };

export const extensionManifest = { ...manifest, version: packageJson.version };
