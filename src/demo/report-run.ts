/**
 * The headless demo: runs every case on the demo page, then reads the CORS panel (the extension's
 * own page, connected to its worker) row by row, exports its HAR with the panel's Export button and
 * screenshots it with a blocked request's detail open. Nothing here re-derives a verdict.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoCase } from './cases';
import type { DemoBrowser } from './launch-browser';
import { panelUrl, tabIdOf } from './launch-browser';
import type { PanelRow } from './panel-lines';

/** The case whose detail the screenshot shows: a 401 that Chrome reports only as "CORS error". */
export const SCREENSHOT_CASE = 'error-401';

export interface ReportResult {
  rows: PanelRow[];
  /** What the demo page showed for each case: `TypeError: Failed to fetch`, `200 OK · …`. */
  javascriptSaw: Map<string, string>;
  harPath: string;
  screenshotPath: string;
  /** The demo page after "Run all": what JavaScript saw. */
  pageScreenshotPath: string;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Clicks "Run all" and waits until every case has an answer. */
async function runAll(page: Page, pageUrl: string): Promise<Map<string, string>> {
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-state="ready"]');
  await page.click('#run-all');
  await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
  const saw = await page.$$eval('li.case', (cards) =>
    cards.map((card) => [card.getAttribute('data-case') ?? '', card.querySelector('.saw-text')?.textContent ?? '']),
  );
  return new Map(saw.map(([id, text]) => [id ?? '', text ?? '']));
}

type ListCells = Pick<PanelRow, 'method' | 'url' | 'status' | 'kind' | 'code'>;

/** The list's cells, read before any detail is open (the full list shows the verdict-in-words column). */
function readList(panel: Page): Promise<ListCells[]> {
  return panel.$$eval('[data-testid="request-row"]', (rows) =>
    rows.map((row) => {
      const cell = (selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
      return {
        method: cell('.method'),
        url: row.querySelector('.url')?.getAttribute('title') ?? '',
        status: cell('[data-testid="status"]'),
        kind: cell('[data-testid="verdict-kind"]'),
        code: cell('[data-testid="verdict"]'),
      };
    }),
  );
}

/** Opens row `index`'s detail and reads its summary and the header at fault. */
async function readDetail(panel: Page, index: number, cells: ListCells): Promise<PanelRow> {
  await panel.locator('[data-testid="request-row"]').nth(index).click();
  const title = `${cells.method} ${cells.url}`;
  return until(`the detail of ${title}`, async () => {
    const detail = await panel.$$eval('[data-testid="detail"]', (sections) => {
      const section = sections[0];
      if (section === undefined) return null;
      const failed = section.querySelector('[data-testid="header-check"][data-outcome="failed"]');
      const advisory = section.querySelector('[data-testid="advisories"] code');
      return {
        title: section.querySelector('.detail-title')?.textContent?.trim() ?? '',
        summary: section.querySelector('[data-testid="summary"]')?.textContent?.trim() ?? '',
        header: failed?.getAttribute('data-header') ?? advisory?.textContent?.trim() ?? '',
      };
    });
    if (detail === null || detail.title !== title) return undefined;
    return { ...cells, summary: detail.summary, header: detail.header };
  });
}

export async function runReport(
  browser: DemoBrowser,
  pageUrl: string,
  cases: readonly DemoCase[],
  outDir: string,
): Promise<ReportResult> {
  mkdirSync(outDir, { recursive: true });
  const { context, worker, extensionId } = browser;
  const page = context.pages()[0] ?? (await context.newPage());
  const javascriptSaw = await runAll(page, pageUrl);
  const pageScreenshotPath = join(outDir, 'cors-lens-demo-page.png');
  await page.screenshot({ path: pageScreenshotPath, fullPage: true });
  const tabId = await tabIdOf(worker, page.url());

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 1280, height: 800 });
  await panel.goto(panelUrl(extensionId, tabId));
  await panel.waitForSelector('[data-testid="connection-status"]:text-is("Live")');
  const list = await until(`${cases.length} requests in the panel`, async () => {
    const cells = await readList(panel);
    return cells.length >= cases.length ? cells : undefined;
  });

  const rows: PanelRow[] = [];
  for (const [index, cells] of list.entries()) rows.push(await readDetail(panel, index, cells));

  const harPath = join(outDir, 'cors-lens-demo.har');
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export HAR' }).click(),
  ]);
  await download.saveAs(harPath);

  const shown = cases.find((demoCase) => demoCase.id === SCREENSHOT_CASE);
  const shownIndex = list.findIndex((cells) => cells.url === shown?.url);
  if (shownIndex >= 0) await readDetail(panel, shownIndex, list[shownIndex] as ListCells);
  const screenshotPath = join(outDir, 'cors-lens-demo-panel.png');
  await panel.screenshot({ path: screenshotPath });

  return { rows, javascriptSaw, harPath, screenshotPath, pageScreenshotPath };
}
