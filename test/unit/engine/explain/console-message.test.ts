import { describe, expect, it } from 'vitest';
import { consoleMessage } from '../../../../src/engine/explain/console-message';
import { explainContext } from '../../../../src/engine/explain/context';
import { encodeHint } from '../../../../src/engine/explain/encode-hint';
import { explain } from '../../../../src/engine/explain/explain';
import type { ResourceType } from '../../../../src/engine/verdict/exchange';
import { API_ORIGIN, PAGE_ORIGIN, response } from '../../../fixtures/exchange-builder';
import { blockedGet } from '../../../fixtures/explanations';
import { blocked } from '../../../fixtures/verdict-builder';

const URL = `${API_ORIGIN}/data`;
const MISSING = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";

describe('consoleMessage: resource kinds (Resource::ResourceTypeToString)', () => {
  const kinds: ReadonlyArray<readonly [ResourceType, string | null]> = [
    ['xmlhttprequest', 'XMLHttpRequest'],
    ['fetch', 'fetch'],
    ['image', 'image'],
    ['script', 'script'],
    ['stylesheet', 'CSS stylesheet'],
    ['font', 'font'],
    ['other', 'resource'],
    ['main_frame', null],
  ];
  it('has one row per kind tested', () => expect(kinds).toHaveLength(8));
  it.each(kinds)('%s → %s', (type, kind) => {
    const v = blocked('MissingAllowOriginHeader', 'response', { status: 200 });
    const e = explain(v, blockedGet(response(200), { resourceType: type }));
    expect(e.consoleMessage).toBe(
      kind === null
        ? null
        : `Access to ${kind} at '${URL}' from origin '${PAGE_ORIGIN}' has been blocked by CORS policy: ${MISSING}`,
    );
  });
});

describe('consoleMessage: variants', () => {
  it('names the redirect chain: last URL, then "(redirected from …)"', () => {
    const ex = blockedGet(response(200), {
      resourceType: 'fetch',
      redirects: [
        {
          request: { url: URL, method: 'GET', headers: [['Origin', PAGE_ORIGIN]] },
          response: response(301, [
            ['Access-Control-Allow-Origin', '*'],
            ['Location', 'https://api.example.com/v2/data'],
          ]),
        },
      ],
    });
    const e = explain(blocked('MissingAllowOriginHeader', 'response', { status: 200 }), ex);
    expect(e.consoleMessage).toBe(
      `Access to fetch at 'https://api.example.com/v2/data' (redirected from '${URL}') from origin '${PAGE_ORIGIN}' has been blocked by CORS policy: ${MISSING}`,
    );
  });

  it('resolves a relative Location against the URL it answered', () => {
    const ex = blockedGet(response(200), {
      redirects: [
        {
          request: { url: URL, method: 'GET', headers: [] },
          response: response(302, [['Location', '/v2/data?x=1']]),
        },
      ],
    });
    const e = explain(blocked('MissingAllowOriginHeader', 'response', { status: 200 }), ex);
    expect(e.consoleMessage).toContain(`at '${API_ORIGIN}/v2/data?x=1' (redirected from '${URL}')`);
  });

  it('offers the pre-2024 wording with the opaque-response tail on request', () => {
    const v = blocked('MissingAllowOriginHeader', 'response', { status: 200 });
    const ctx = explainContext(v, blockedGet(response(200), { resourceType: 'fetch' }));
    expect(consoleMessage(ctx, { legacyNoCorsHint: true })).toBe(
      `Access to fetch at '${URL}' from origin '${PAGE_ORIGIN}' has been blocked by CORS policy: ${MISSING} If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.`,
    );
    const mismatch = explainContext(
      blocked('AllowOriginMismatch', 'response', { status: 200, failedParameter: 'http://x' }),
      blockedGet(response(200), { resourceType: 'fetch' }),
    );
    expect(consoleMessage(mismatch, { legacyNoCorsHint: true })).toContain(
      "that is not equal to the supplied origin. Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.",
    );
  });

  it('escapes the failed parameter like Chromium’s EncodeHint', () => {
    expect(encodeHint('http://a\u0007b')).toBe('http://a\\u0007b');
    expect(encodeHint('é')).toBe('\\u00C3\\u00A9');
    // Only what is shown is encoded: a 10 MB value is cut first, with its size in bytes.
    expect(encodeHint('é'.repeat(5_000_000), 20)).toBe('\\u00C3\\u00A9… (10000000 bytes)');
    expect(encodeHint('\u0007'.repeat(40), 12)).toBe('\\u0007\\u0007… (40 bytes)');
    const v = blocked('AllowOriginMismatch', 'response', { status: 200, failedParameter: 'http://evil\r\nX: 1' });
    const e = explain(v, blockedGet(response(200), { resourceType: 'xmlhttprequest' }));
    expect(e.consoleMessage).toContain("has a value 'http://evil\\u000D\\u000AX: 1' that is not equal");
  });

  it('renders fetch() renderer-side failures as "Fetch API cannot load"', () => {
    const v = blocked('CorsDisabledScheme', 'request');
    const e = explain(
      v,
      blockedGet(response(0), {
        resourceType: 'fetch',
        response: null,
        request: { url: 'ftp://files.example/x', method: 'GET', headers: [] },
      }),
    );
    expect(e.consoleMessage).toBe('Fetch API cannot load ftp://files.example/x. URL scheme "ftp" is not supported.');
  });

  it('guesses the loopback space from the host when the capture has no address spaces', () => {
    const v = blocked('LocalNetworkAccessPermissionDenied', 'request');
    const e = explain(
      v,
      blockedGet(response(0), { resourceType: 'fetch', initiatorOrigin: 'https://app.example.com', response: null }),
    );
    expect(e.consoleMessage).toBe(
      `Access to fetch at '${URL}' from origin 'https://app.example.com' has been blocked by CORS policy: Permission was denied for this request to access the \`loopback\` address space.`,
    );
  });
});
