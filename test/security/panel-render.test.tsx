// @vitest-environment happy-dom
/**
 * A hostile page or server controls the method, URL, header names and values, the status text
 * and the error of what the panel shows. Whatever they hold, the list and every section of the
 * detail show control, C1 and bidi characters escaped (never raw), run no markup, and keep each
 * value bounded — in text and in tooltips alike.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/engine';
import { isUnsafeCodePoint } from '../../src/engine';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../fixtures/exchange-builder';
import { type Mounted, mountApp } from '../unit/panel/components/app-harness';
import { record } from '../unit/panel/records';

/** Characters a terminal, a layout engine or an HTML parser would act on. */
const HOSTILE_CHARS = [
  '\u001b',
  '\u0007',
  '\n',
  '\r',
  '\u0000',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u2066',
  '\u2028',
  '\u200f',
  '\ufeff',
  '<',
  '>',
  '"',
  "'",
  '&',
];
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_CHARS),
      fc.string({ maxLength: 4 }),
      fc.constant('<img src=x onerror=alert(1)>'),
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

/** Unsafe characters other than the line feeds of the panel's own snippets and commands. */
function rawUnsafe(text: string): string[] {
  return [...text].filter((ch) => ch !== '\n' && isUnsafeCodePoint(ch.codePointAt(0) ?? 0));
}

/** Every text node and tooltip the panel rendered. */
function shownText(root: HTMLElement): string {
  const titles = [...root.querySelectorAll<HTMLElement>('[title]')].map((element) => element.title);
  return [root.textContent ?? '', ...titles].join('\n');
}

function hostileExchange(value: string, blocked: boolean): Exchange {
  const headers: [string, string][] = [
    ['Origin', PAGE_ORIGIN],
    [`X-${value}`, value],
  ];
  return exchange({
    request: { url: `${API_ORIGIN}/${value}?q=${value}`, method: `P${value}`, headers },
    preflight: preflight(`P${value}`, [`x-${value}`], response(204, [['Access-Control-Allow-Origin', value]], value)),
    response: response(
      blocked ? 500 : 200,
      [
        ['Access-Control-Allow-Origin', value],
        [value, value],
      ],
      value,
    ),
    outcome: blocked ? 'blocked' : 'succeeded',
    networkError: blocked ? `net::ERR_${value}` : null,
  });
}

/** Hostile text where a server alone puts it (values, names of its response headers, status text): the request stays valid, so it has a verdict to edit. */
function hostileAnswers(value: string, blocked: boolean): Exchange {
  return exchange({
    request: { url: `${API_ORIGIN}/data`, method: 'PUT', headers: [['Origin', PAGE_ORIGIN]] },
    preflight: preflight(
      'PUT',
      [],
      response(
        204,
        [
          ['Access-Control-Allow-Origin', value],
          [value, value],
        ],
        value,
      ),
    ),
    response: response(
      blocked ? 500 : 200,
      [
        ['Access-Control-Allow-Origin', value],
        [`X-${value}`, value],
      ],
      value,
    ),
    outcome: blocked ? 'blocked' : 'succeeded',
    networkError: blocked ? 'net::ERR_FAILED' : null,
  });
}

let app: Mounted | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('the panel shows hostile values escaped', () => {
  it('in the list row and every section of the detail, text and tooltips', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.boolean(), async (value, blocked) => {
        app?.unmount();
        app = await mountApp();
        await app.worker.snapshot([record('1', hostileExchange(value, blocked))]);
        await app.click(app.one('request-row'));
        expect(app.one('detail')).not.toBeNull();
        const text = shownText(app.root);
        const at = [...text].findIndex((ch) => ch !== '\n' && isUnsafeCodePoint(ch.codePointAt(0) ?? 0));
        expect(rawUnsafe(text), JSON.stringify([...text].slice(Math.max(0, at - 80), at + 40).join(''))).toEqual([]);
        expect(app.root.querySelector('img')).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('in the what-if editor and its answer for the server owner, after Apply the fix', async () => {
    let edited = 0;
    await fc.assert(
      fc.asyncProperty(hostileText, fc.boolean(), async (value, blocked) => {
        app?.unmount();
        app = await mountApp();
        await app.worker.snapshot([record('1', hostileAnswers(value, blocked))]);
        await app.click(app.one('request-row'));
        await app.click(app.one('what-if-start'));
        await app.click(app.one('apply-fix'));
        expect(app.one('what-if-mark')).not.toBeNull();
        edited++;
        const labels = [...app.root.querySelectorAll<HTMLElement>('[aria-label]')].map((element) =>
          element.getAttribute('aria-label'),
        );
        const text = [shownText(app.root), ...labels].join('\n');
        const at = [...text].findIndex((ch) => ch !== '\n' && isUnsafeCodePoint(ch.codePointAt(0) ?? 0));
        expect(rawUnsafe(text), JSON.stringify([...text].slice(Math.max(0, at - 80), at + 40).join(''))).toEqual([]);
        expect(app.root.querySelector('img')).toBeNull();
      }),
      { numRuns: 40 },
    );
    expect(edited).toBe(40);
  });
});
