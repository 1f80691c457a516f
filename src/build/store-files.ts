/**
 * The store listings' files, repo-relative, in store/: the zip builds name them when they say
 * where the package is, `npm run screenshots` writes the images, and
 * test/unit/store/listings.test.ts checks them against the stores' rules.
 */
export const STORE_FILES = {
  chrome: {
    dir: 'store/chrome/',
    listing: 'store/chrome/listing.md',
    screenshots: { light: 'store/chrome/screenshot-1-light.png', dark: 'store/chrome/screenshot-2-dark.png' },
    promoTile: 'store/chrome/promo-small-440x280.png',
  },
  firefox: {
    dir: 'store/firefox/',
    listing: 'store/firefox/listing.md',
    /** What AMO asks of an add-on built from bundled, minified code: how to rebuild it. */
    sourceCodeNotes: 'store/firefox/source-code.md',
    screenshots: { light: 'store/firefox/screenshot-1-light.png', dark: 'store/firefox/screenshot-2-dark.png' },
  },
  privacyPolicy: 'store/privacy-policy.md',
} as const;
