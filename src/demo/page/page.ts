/**
 * The demo page: one card per case with a Run button and what JavaScript saw, and "Run all".
 * Every string reaches the DOM through textContent or attributes: nothing a server sends is parsed
 * as markup.
 */
import { type DemoCase, type DemoGroup, type DemoOrigins, demoCases, GROUP_TITLES } from '../cases';

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class !== undefined) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} is missing from the page`);
  return element;
}

function isOrigins(value: unknown): value is DemoOrigins {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.page === 'string' && typeof record.api === 'string' && typeof record.other === 'string';
}

/** `GET /demo/x`, then what makes the request special: credentials, headers, body type. */
function describeRequest(demoCase: DemoCase): string {
  const { request } = demoCase;
  const parts = [`${request.method} ${new URL(demoCase.url).pathname}`];
  if (request.credentials === 'include') parts.push('credentials: "include"');
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    parts.push(name.toLowerCase() === 'authorization' ? `${name}: Bearer …` : `${name}: ${value}`);
  }
  return parts.join(' · ');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface Outcome {
  ok: boolean;
  text: string;
  /** A second line: a header the page tried to read. */
  note: string | null;
}

async function runRequest(demoCase: DemoCase): Promise<Outcome> {
  const { request } = demoCase;
  const init: RequestInit = { method: request.method, cache: 'no-store' };
  if (request.headers !== undefined) init.headers = { ...request.headers };
  if (request.credentials !== undefined) init.credentials = request.credentials;
  if (request.body !== undefined) init.body = request.body;
  try {
    const response = await fetch(demoCase.url, init);
    const body = await response.text();
    const status = `${response.status} ${response.statusText}`.trim();
    const note =
      request.readHeader === undefined
        ? null
        : `headers.get('${request.readHeader}') → ${JSON.stringify(response.headers.get(request.readHeader))}`;
    return { ok: true, text: `${status} · ${truncate(body, 60)}`, note };
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, text, note: null };
  }
}

interface Card {
  demoCase: DemoCase;
  element: HTMLLIElement;
  run(): Promise<void>;
}

function card(demoCase: DemoCase): Card {
  const button = el(
    'button',
    { class: 'run', attrs: { type: 'button', 'aria-label': `Run: ${demoCase.title}` } },
    'Run',
  );
  const saw = el('code', { class: 'saw-text' }, 'not run yet');
  const note = el('span', { class: 'saw-note' });
  const element = el(
    'li',
    { class: 'case', attrs: { 'data-case': demoCase.id, 'data-state': 'idle' } },
    el(
      'div',
      { class: 'what' },
      el('h3', {}, demoCase.title),
      el('p', { class: 'story' }, demoCase.story),
      el('code', { class: 'request' }, describeRequest(demoCase)),
    ),
    el(
      'div',
      { class: 'saw', attrs: { 'aria-live': 'polite' } },
      el('span', { class: 'saw-label' }, 'JavaScript saw'),
      saw,
      note,
    ),
    button,
  );
  const run = async () => {
    button.disabled = true;
    element.dataset.state = 'running';
    saw.textContent = 'fetching…';
    note.textContent = '';
    const outcome = await runRequest(demoCase);
    saw.textContent = outcome.text;
    note.textContent = outcome.note ?? '';
    element.dataset.state = outcome.ok ? 'ok' : 'failed';
    button.disabled = false;
  };
  button.addEventListener('click', () => void run());
  return { demoCase, element, run };
}

function render(cases: readonly DemoCase[]): Card[] {
  const container = byId('cases');
  const cards = cases.map(card);
  const groups = new Map<DemoGroup, Card[]>();
  for (const entry of cards) groups.set(entry.demoCase.group, [...(groups.get(entry.demoCase.group) ?? []), entry]);
  for (const [group, members] of groups) {
    const headingId = `group-${group}`;
    container.append(
      el(
        'section',
        { class: `group group-${group}`, attrs: { 'aria-labelledby': headingId } },
        el('h2', { attrs: { id: headingId } }, GROUP_TITLES[group]),
        el('ol', { class: 'cases' }, ...members.map((member) => member.element)),
      ),
    );
  }
  container.setAttribute('aria-busy', 'false');
  return cards;
}

async function main(): Promise<void> {
  const response = await fetch('/demo-config.json', { cache: 'no-store' });
  const origins: unknown = await response.json();
  if (!isOrigins(origins)) throw new Error('the demo server sent no origins');
  byId('page-origin').textContent = origins.page;
  byId('api-origin').textContent = origins.api;
  const cards = render(demoCases(origins));

  const runAll = byId('run-all') as HTMLButtonElement;
  const progress = byId('progress');
  runAll.disabled = false;
  document.body.dataset.state = 'ready';
  runAll.addEventListener('click', async () => {
    runAll.disabled = true;
    document.body.dataset.state = 'running';
    // One at a time, so the requests reach the panel in the order of the page.
    for (const [index, entry] of cards.entries()) {
      progress.textContent = `Running ${index + 1} of ${cards.length}…`;
      await entry.run();
    }
    const failed = cards.filter((entry) => entry.element.dataset.state === 'failed').length;
    progress.textContent = `${failed} of ${cards.length} requests failed in JavaScript. DevTools → CORS says why.`;
    document.body.dataset.state = 'done';
    runAll.disabled = false;
  });
}

main().catch((error: unknown) => {
  document.body.dataset.state = 'error';
  byId('progress').textContent = `The demo page could not start: ${String(error)}`;
});
