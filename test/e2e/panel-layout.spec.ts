/**
 * The CORS panel's layout in real DevTools, docked as users dock it — at the bottom (DevTools
 * 350 px tall: the panel ≈ 1280×320) and on the right (DevTools 550 px wide: the panel ≈ 550×790)
 * of a headed Chromium's window on a virtual display (support/docked-devtools.ts) — and its theme
 * following DevTools'. Per demo case: the headline and the failing check lie inside the panel's
 * viewport without scrolling; a newly selected row opens its detail at its top; nothing scrolls
 * sideways and no cell is cut without an ellipsis and a tooltip.
 */
import type { Frame, Page } from '@playwright/test';
import { type DemoCase, demoCases } from '../../src/demo/cases';
import { type DockedDevtools, type DockSide, openDockedDevtools } from './support/docked-devtools';
import { test as base, expect } from './support/fixtures';
import { runDemoCase } from './support/run-demo-case';

interface Dock {
  name: string;
  side: DockSide;
  /** DevTools' height when docked at the bottom, its width on the right (px). */
  split: number;
  /** The panel frame's viewport the dock must give, as [min, max] of the docked dimension. */
  panelRange: readonly [number, number];
}

/** Where users dock DevTools: the panel frame's size follows from DevTools' split, less its tab strip. */
const DOCKS: readonly Dock[] = [
  { name: 'docked bottom', side: 'bottom', split: 350, panelRange: [300, 340] },
  { name: 'docked right', side: 'right', split: 550, panelRange: [530, 560] },
];

/** The panel's frame inside DevTools. */
type Panel = Frame;

interface Size {
  width: number;
  height: number;
}

const test = base.extend<{ docked: DockedDevtools }>({
  docked: async ({ server }, use) => {
    const docked = await openDockedDevtools(`${server.pageOrigin}/inspected`);
    try {
      await expect(docked.panel.getByTestId('connection-status')).toHaveText('Live');
      await use(docked);
    } finally {
      await docked.close();
    }
  },
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** An element's box in the panel's viewport, with the detail's scroll position at that moment. */
function boxOf(panel: Panel, testId: string): Promise<(Box & { scrollTop: number }) | null> {
  return panel.evaluate((id) => {
    const element = document.querySelector(`[data-testid="${id}"]`);
    if (element === null) return null;
    const { top, bottom, left, right } = element.getBoundingClientRect();
    const scrollTop = document.querySelector('[data-testid="detail-body"]')?.scrollTop ?? -1;
    return { top, bottom, left, right, scrollTop };
  }, testId);
}

/** Everything that would scroll sideways or cut text without saying so, described for the report. */
function layoutProblems(panel: Panel): Promise<string[]> {
  return panel.evaluate(() => {
    const problems: string[] = [];
    const scrollers = ['html', 'body', 'main.panel', '.top-bar', '.filter-bar', '.list', '.detail-body'];
    for (const selector of scrollers) {
      const element = document.querySelector(selector);
      if (element !== null && element.scrollWidth > element.clientWidth) {
        problems.push(`${selector} scrolls sideways: ${element.scrollWidth} > ${element.clientWidth}`);
      }
    }
    // A cell may be cut only with an ellipsis and a tooltip carrying its whole text.
    for (const cell of document.querySelectorAll<HTMLElement>('.list .cell')) {
      if (cell.offsetParent === null || cell.scrollWidth <= cell.clientWidth) continue;
      const ellipsis = getComputedStyle(cell).textOverflow === 'ellipsis';
      const title = cell.getAttribute('title') ?? '';
      if (!ellipsis || title === '') problems.push(`cut cell "${cell.textContent}" (${cell.className})`);
    }
    // Every top-bar control stays inside the bar (a wrapped or pushed-out button is lost).
    const bar = document.querySelector('.top-bar')?.getBoundingClientRect();
    for (const control of document.querySelectorAll<HTMLElement>(
      '.top-bar > button, .top-bar > a, .top-bar > span, .top-bar > details',
    )) {
      if (control.offsetParent === null || bar === undefined) continue;
      const box = control.getBoundingClientRect();
      if (box.right > bar.right + 0.5 || box.bottom > bar.bottom + 0.5) {
        problems.push(`top-bar control "${control.textContent}" outside the bar`);
      }
    }
    return problems;
  });
}

function inside(box: Box, size: Size): boolean {
  return box.top >= 0 && box.left >= 0 && box.bottom <= size.height && box.right <= size.width;
}

for (const dock of DOCKS) {
  test(`${dock.name} (DevTools ${dock.split} px): per demo case the headline and failing check are in view, the detail opens at its top, nothing is cut or scrolls sideways`, async ({
    docked,
    server,
  }, testInfo) => {
    test.setTimeout(90_000);
    const { page, panel } = docked;
    const size: Size = await docked.dock(dock.side, dock.split);
    const dockedDimension = dock.side === 'bottom' ? size.height : size.width;
    expect(
      dockedDimension,
      `the panel's ${dock.side === 'bottom' ? 'height' : 'width'} docked ${dock.side}`,
    ).toBeGreaterThanOrEqual(dock.panelRange[0]);
    expect(dockedDimension).toBeLessThanOrEqual(dock.panelRange[1]);
    const cases = demoCases({ page: server.pageOrigin, api: server.apiOrigin, other: server.otherOrigin });
    for (const demoCase of cases) for (const route of demoCase.routes) server.route(route.path, route.spec);
    for (const demoCase of cases) await runDemoCase(page, demoCase);
    await expect(panel.getByTestId('request-row')).toHaveCount(cases.length);
    expect(await layoutProblems(panel), 'detail closed').toEqual([]);

    const figures: string[] = [`panel viewport ${size.width}×${size.height}`];
    const rowOf = (demoCase: DemoCase) =>
      panel.locator(`[data-testid="request-row"]:has(.url[title="${demoCase.url}"])`);
    for (const demoCase of cases) {
      // Scroll the open detail (if any) away from its top first: the next one must still open at its top.
      await panel.evaluate(() => {
        const body = document.querySelector('[data-testid="detail-body"]');
        if (body !== null) body.scrollTop = body.scrollHeight;
      });
      await rowOf(demoCase).click();
      await expect(panel.getByTestId('detail').locator('.detail-title')).toContainText(demoCase.url);
      const summary = await boxOf(panel, 'summary');
      const check = await boxOf(panel, 'failing-check');
      expect(summary, demoCase.id).not.toBeNull();
      expect(summary?.scrollTop, `${demoCase.id}: the detail opens at its top`).toBe(0);
      expect(inside(summary as Box, size), `${demoCase.id}: headline ${JSON.stringify(summary)}`).toBe(true);
      // Every blocked case, and the pass whose header the page cannot read, has a failing check.
      if (demoCase.expect !== 'passed' || demoCase.id === 'unreadable-header') {
        expect(check, `${demoCase.id}: no failing check`).not.toBeNull();
        expect(inside(check as Box, size), `${demoCase.id}: failing check ${JSON.stringify(check)}`).toBe(true);
      }
      const round = (box: Box | null) =>
        box === null
          ? '—'
          : `${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`;
      figures.push(`${demoCase.id}: headline ${round(summary)}; failing check ${round(check)}`);
      expect(await layoutProblems(panel), `${demoCase.id}, detail open`).toEqual([]);
    }
    // The what-if editor, with every response of a redirected request in it, fits the width too.
    const redirected = cases.find((demoCase) => demoCase.id === 'redirect-other-origin') as DemoCase;
    await rowOf(redirected).click();
    await panel.getByRole('button', { name: 'Edit the response headers (what if)' }).click();
    await panel.getByTestId('apply-fix').click();
    await expect(panel.getByTestId('what-if-response')).toHaveCount(2);
    expect(await layoutProblems(panel), 'what-if editor open').toEqual([]);
    await panel.getByRole('button', { name: 'Back to the captured request' }).click();
    await testInfo.attach(`boxes ${dock.name}`, { body: figures.join('\n'), contentType: 'text/plain' });
    console.log(`${dock.name}\n${figures.join('\n')}`);

    await panel.getByRole('button', { name: 'Close detail' }).click();
    expect(await layoutProblems(panel), 'detail closed again').toEqual([]);
  });
}

/** DevTools' own appearance setting, as its Settings → Preferences → Theme menu sets it. */
async function setDevtoolsTheme(devtools: Page, theme: 'dark' | 'default'): Promise<void> {
  await devtools.evaluate(async (value) => {
    const path = './core/common/common.js';
    const common = (await import(path)) as {
      Settings: { Settings: { instance(): { moduleSetting(name: string): { set(value: string): void } } } };
    };
    common.Settings.Settings.instance().moduleSetting('ui-theme').set(value);
  }, theme);
}

test('switching the theme in DevTools settings restyles the open panel without reopening it', async ({
  docked: { devtools, panel },
}) => {
  const background = () => panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // A mark on the panel's window: still there at the end means the panel was never reloaded.
  await panel.evaluate(() => {
    (window as { __sameWindow?: boolean }).__sameWindow = true;
  });
  await setDevtoolsTheme(devtools, 'default');
  await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  const light = await background();
  await setDevtoolsTheme(devtools, 'dark');
  await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await background()).not.toBe(light);
  await setDevtoolsTheme(devtools, 'default');
  await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(await background()).toBe(light);
  expect(await panel.evaluate(() => (window as { __sameWindow?: boolean }).__sameWindow)).toBe(true);
});
