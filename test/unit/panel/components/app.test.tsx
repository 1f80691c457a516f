// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capText, explain } from '../../../../src/engine';
import { MAX_HEADER_CHARS, MAX_URL_CHARS } from '../../../../src/model/capture-limits';
import { PROTOCOL_VERSION } from '../../../../src/model/protocol';
import { API_ORIGIN, exchange, PAGE_ORIGIN, preflight, response } from '../../../fixtures/exchange-builder';
import { advisoryRecord, blockedRecord, passedRecord, preflightBlockedRecord, record } from '../records';
import { byText, MemorySettings, type Mounted, mountApp } from './app-harness';

let app: Mounted;
afterEach(() => app.unmount());

describe('<App>', () => {
  it('renders the snapshot: one row per request, the real status, the blocked count', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1'), passedRecord('2')]);
    expect(app.one('connection-status')?.textContent).toBe('Live');
    expect(app.one('page-origin')?.textContent).toBe('http://localhost:3000');
    expect(app.one('page-origin')?.title).toBe('Tab 7');
    expect(app.one('blocked-count')?.textContent).toBe('1 blocked');
    expect(app.all('request-row')).toHaveLength(2);
    expect(app.all('verdict').map((cell) => cell.textContent)).toEqual(['MissingAllowOriginHeader', '']);
    expect(app.all('status').map((cell) => cell.textContent)).toEqual(['200', '200']);
  });

  it('says what the worker dropped or could not save, and where the capture cut a value', async () => {
    app = await mountApp();
    const blocked = blockedRecord('1');
    const url = capText(`${blocked.exchange.request.url}?q=${'a'.repeat(MAX_URL_CHARS)}`, MAX_URL_CHARS);
    const headers = [
      ...blocked.exchange.request.headers,
      ['X-Big', capText('v'.repeat(20_000), MAX_HEADER_CHARS)],
    ] as const;
    const cut = record('1', { ...blocked.exchange, request: { ...blocked.exchange.request, url, headers } });
    const log = {
      tabId: 7,
      records: [cut],
      sameOriginCount: 0,
      evictedCount: 3,
      unpersistedCount: 2,
      preserveLog: false,
    };
    await app.worker.emit({ type: 'snapshot', version: PROTOCOL_VERSION, log, more: 0 });
    expect(app.one('evicted-count')?.textContent).toBe('3 dropped: log limit (500 requests, 4 MB)');
    expect(app.one('unsaved-count')?.textContent).toBe('2 not saved: browser storage is full');
    expect(app.one('request-row')?.textContent).toMatch(/a… \[truncated by CORS Lens: 16413 bytes in all\]200/);
    await app.click(app.one('request-row'));
    const values = [...app.root.querySelectorAll('dl.headers dd')].map((value) => value.textContent ?? '');
    expect(values.find((value) => value.startsWith('v'))).toMatch(
      /^v{3999}… \[truncated by CORS Lens: 20000 bytes in all\]$/,
    );
  });

  it("asks for a snapshot's other pages once its first page is drawn, then shows them and what came meanwhile", async () => {
    app = await mountApp();
    const log = {
      tabId: 7,
      records: [blockedRecord('1')],
      sameOriginCount: 0,
      evictedCount: 0,
      unpersistedCount: 0,
      preserveLog: false,
    };
    await app.worker.emit({ type: 'snapshot', version: PROTOCOL_VERSION, log, more: 2 });
    expect(app.all('request-row')).toHaveLength(1);
    await vi.waitFor(() =>
      expect(app.worker.sent).toContainEqual({ type: 'snapshot-rest', version: PROTOCOL_VERSION }),
    );
    await app.worker.emit({ type: 'request-added', version: PROTOCOL_VERSION, record: passedRecord('4') });
    expect(app.all('request-row')).toHaveLength(1);
    const records = [passedRecord('2'), blockedRecord('3')];
    await app.worker.emit({ type: 'snapshot-more', version: PROTOCOL_VERSION, records });
    await vi.waitFor(() => expect(app.all('request-row')).toHaveLength(4));
    expect(app.one('blocked-count')?.textContent).toBe('2 blocked');
  });

  it('adds a row when a request-added delta arrives', async () => {
    app = await mountApp();
    await app.worker.snapshot([passedRecord('1')]);
    await app.worker.emit({ type: 'request-added', version: PROTOCOL_VERSION, record: blockedRecord('2') });
    expect(app.all('request-row')).toHaveLength(2);
    expect(app.one('blocked-count')?.textContent).toBe('1 blocked');
  });

  it('shows the detail with the engine summary when a row is selected, and closes it with Escape', async () => {
    app = await mountApp();
    const blocked = blockedRecord('1');
    await app.worker.snapshot([blocked]);
    await app.click(app.one('request-row'));
    expect(app.one('summary')?.textContent).toBe(explain(blocked.verdict, blocked.exchange).summary);
    const failed = app.all('header-check').find((row) => row.dataset.outcome === 'failed');
    expect(failed?.dataset.header).toBe('access-control-allow-origin');
    expect(app.one('fix-snippet')?.textContent).toContain("origin: 'http://localhost:3000'");
    await app.key(document.body, 'Escape');
    expect(app.one('detail')).toBeNull();
  });

  it('puts a fix only the page can make right under the headline, before the server snippet', async () => {
    app = await mountApp();
    const lowercase = record(
      '1',
      exchange({
        request: { url: `${API_ORIGIN}/items/1`, method: 'patch', headers: [['Origin', PAGE_ORIGIN]] },
        preflight: preflight('patch', [], response(204, [['Access-Control-Allow-Origin', PAGE_ORIGIN]])),
        response: null,
        outcome: 'blocked',
        networkError: 'net::ERR_FAILED',
      }),
    );
    await app.worker.snapshot([lowercase]);
    await app.click(app.one('request-row'));
    const note = app.one('page-fix');
    expect(note?.textContent).toContain("Send 'PATCH' from the page, not 'patch'.");
    const summary = app.one('summary');
    expect(summary?.compareDocumentPosition(note as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(note?.compareDocumentPosition(app.one('fix-snippet') as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(byText(app.root, 'h3', 'Then, on the server')).toBeDefined();
  });

  it("opens a newly selected request at its top, not at the previous one's scroll position", async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1', '/a'), blockedRecord('2', '/b')]);
    const [first, second] = app.all('request-row');
    await app.click(first as HTMLElement);
    const body = app.one('detail-body') as HTMLElement;
    body.scrollTop = 400;
    expect(body.scrollTop).toBe(400);
    await app.click(second as HTMLElement);
    expect((app.one('detail-body') as HTMLElement).scrollTop).toBe(0);
  });

  it('exports redacted by default, and with secrets only when that export is chosen from its menu', async () => {
    const saved: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:test';
    });
    try {
      app = await mountApp();
      const secret = record(
        '1',
        exchange({
          request: {
            url: `${API_ORIGIN}/me`,
            method: 'GET',
            headers: [
              ['Origin', PAGE_ORIGIN],
              ['Cookie', 'sid=hunter2'],
            ],
          },
          response: response(200, [['Access-Control-Allow-Origin', PAGE_ORIGIN]]),
        }),
      );
      await app.worker.snapshot([secret]);
      await app.click(byText(app.root, 'button', 'Export HAR'));
      await app.click(byText(app.root, 'button', 'Export HAR with secrets (cookies, tokens, bodies)'));
      const [redacted, withSecrets] = await Promise.all(saved.map((blob) => blob.text()));
      expect(redacted).not.toContain('hunter2');
      expect(withSecrets).toContain('hunter2');
    } finally {
      create.mockRestore();
    }
  });

  it('filters: Blocked hides passed rows, Advisories shows only passed-with-advisories', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1'), passedRecord('2'), advisoryRecord('3')]);
    await app.click(byText(app.root, 'button', 'Blocked'));
    expect(app.all('request-row')).toHaveLength(1);
    expect(app.one('verdict')?.textContent).toBe('MissingAllowOriginHeader');
    await app.click(byText(app.root, 'button', 'Advisories'));
    expect(app.all('verdict-kind').map((cell) => cell.textContent)).toEqual(['passed with advisories']);
  });

  it('searches as the user types', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1', '/users'), passedRecord('2', '/health')]);
    await app.type(app.root.querySelector<HTMLInputElement>('input[type="search"]'), 'health');
    expect(app.all('request-row')).toHaveLength(1);
    expect(app.one('shown-count')?.textContent).toBe('1 of 2 requests');
  });

  it('asks the worker to clear and to preserve the log, and empties when the worker says so', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1')]);
    await app.click(app.root.querySelector('button[aria-label="Clear log"]'));
    await app.click(byText(app.root, 'label', 'Preserve log')?.querySelector('input'));
    expect(app.worker.sent).toEqual([
      { type: 'clear-log', version: PROTOCOL_VERSION },
      { type: 'set-preserve-log', version: PROTOCOL_VERSION, preserveLog: true },
    ]);
    await app.worker.emit({ type: 'log-cleared', version: PROTOCOL_VERSION, preserveLog: true });
    expect(app.all('request-row')).toHaveLength(0);
    expect(app.one('blocked-count')?.textContent).toBe('0 blocked');
    expect(app.one('empty-state')).not.toBeNull();
    expect(app.one('pin-hint')?.textContent).toContain('pin CORS Lens');
  });

  it('pauses and resumes capture through the worker, and shows what the worker announces', async () => {
    app = await mountApp();
    await app.worker.snapshot([blockedRecord('1')]);
    // No switch before the worker says which way it is.
    expect(app.one('pause-toggle')).toBeNull();
    await app.worker.emit({ type: 'capture-state', version: PROTOCOL_VERSION, paused: false });
    expect(app.one('pause-toggle')?.textContent).toBe('Pause capture');
    expect(app.one('paused-banner')).toBeNull();

    await app.click(app.one('pause-toggle'));
    expect(app.worker.sent).toEqual([{ type: 'set-paused', version: PROTOCOL_VERSION, paused: true }]);
    // The panel changes when the worker says so, not before.
    expect(app.one('paused-banner')).toBeNull();
    await app.worker.emit({ type: 'capture-state', version: PROTOCOL_VERSION, paused: true });
    expect(app.one('paused-banner')?.textContent).toContain('Capture paused');
    expect(app.one('pause-toggle')?.textContent).toBe('Resume capture');
    expect(app.one('pause-toggle')?.getAttribute('aria-pressed')).toBe('true');
    expect(app.one('connection-status')?.textContent).toBe('Paused');
    // The log captured before the pause stays.
    expect(app.all('request-row')).toHaveLength(1);

    await app.click(byText(app.one('paused-banner') ?? app.root, 'button', 'Resume capture'));
    expect(app.worker.sent.at(-1)).toEqual({ type: 'set-paused', version: PROTOCOL_VERSION, paused: false });
    // Resumed from the toolbar instead: the worker's announcement is enough.
    await app.worker.emit({ type: 'capture-state', version: PROTOCOL_VERSION, paused: false });
    expect(app.one('paused-banner')).toBeNull();
    expect(app.one('connection-status')?.textContent).toBe('Live');
  });

  it('moves the selection with the arrow keys and opens the detail with Enter', async () => {
    app = await mountApp();
    await app.worker.snapshot([passedRecord('1'), preflightBlockedRecord('2')]);
    const grid = app.one('request-list');
    await app.key(grid, 'ArrowDown');
    await app.key(grid, 'ArrowDown');
    expect(app.all('request-row').map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(app.one('detail')).toBeNull();
    await app.key(grid, 'Enter');
    expect(app.one('summary')?.textContent).toMatch(/preflight/i);
    await app.key(grid, 'ArrowUp');
    expect(app.one('detail')?.textContent).toContain('127.0.0.1:8080/ok');
  });

  it('remembers the chosen fix stack through the settings store', async () => {
    app = await mountApp(new MemorySettings({ fixStack: 'nginx' }));
    await app.worker.snapshot([blockedRecord('1')]);
    await app.click(app.one('request-row'));
    expect(app.root.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('nginx');
    await app.click(byText(app.root, '[role="tab"]', 'Django'));
    expect(app.settings.stored).toEqual({ fixStack: 'django' });
    expect(app.one('fix-snippet')?.textContent).toContain('CORS_ALLOWED_ORIGINS');
  });

  it('keeps only a window of rows in the DOM for 10,000 requests', async () => {
    app = await mountApp();
    const many = Array.from({ length: 10_000 }, (_, i) =>
      i % 3 ? passedRecord(`${i}`, `/p/${i}`) : blockedRecord(`${i}`),
    );
    await app.worker.snapshot(many);
    const rows = app.all('request-row').length;
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(100);
    expect(app.one('shown-count')?.textContent).toBe('10000 requests');
  });
});
