/**
 * The CORS panel's layout at the two sizes DevTools is usually docked at — bottom (panel ≈
 * 1280×350) and right (≈ 550×800) — and its theme following DevTools'.
 *
 * Sizes: headless Chromium opens a tab's DevTools undocked, split with a device-mode view of the
 * page that keeps the panel's frame at a width of its own (Chromium 156), so the frame cannot be
 * given an exact size from outside. The layout tests therefore open the panel page in a tab of
 * exactly the docked panel's size — the same page DevTools frames, whose layout answers only its
 * own width and height (container queries). Per demo case: the headline and the failing check lie
 * inside the viewport without scrolling; a newly selected row opens its detail at its top; nothing
 * scrolls sideways and no cell is cut without an ellipsis and a tooltip.
 *
 * Theme: inside real DevTools, switching DevTools' own theme setting restyles the open panel.
 */
import type { Frame, Page } from '@playwright/test';
import { type DemoCase, demoCases } from '../../src/demo/cases';
import { expect, test } from './support/in-devtools';
import { runDemoCase } from './support/run-demo-case';

interface Size {
  name: string;
  width: number;
  height: number;
}

/** The panel frame's size when DevTools is docked at the bottom and on the right. */
const SIZES: readonly Size[] = [
  { name: 'docked bottom', width: 1280, height: 350 },
  { name: 'docked right', width: 550, height: 800 },
];

/** The panel as a page of its own (sized like a docked panel) or as DevTools' frame. */
type Panel = Page | Frame;

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

for (const size of SIZES) {
  test(`${size.name} (${size.width}×${size.height}): per demo case the headline and failing check are in view, the detail opens at its top, nothing is cut or scrolls sideways`, async ({
    context,
    page,
    server,
    extensionId,
    tabId,
  }, testInfo) => {
    test.setTimeout(90_000);
    const cases = demoCases({ page: server.pageOrigin, api: server.apiOrigin, other: server.otherOrigin });
    for (const demoCase of cases) for (const route of demoCase.routes) server.route(route.path, route.spec);
    for (const demoCase of cases) await runDemoCase(page, demoCase);
    const panel = await context.newPage();
    await panel.setViewportSize({ width: size.width, height: size.height });
    await panel.goto(`chrome-extension://${extensionId}/src/panel/panel.html?tabId=${tabId}`);
    await expect(panel.getByTestId('request-row')).toHaveCount(cases.length);
    expect(await layoutProblems(panel), 'detail closed').toEqual([]);

    const figures: string[] = [];
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
    await testInfo.attach(`boxes ${size.name}`, { body: figures.join('\n'), contentType: 'text/plain' });
    console.log(`${size.name} ${size.width}×${size.height}\n${figures.join('\n')}`);

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
  inDevtools: { devtools, panel },
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
