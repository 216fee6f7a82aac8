/** Shared browser-test helpers: one Chromium per file, pages at the production build, screenshots on disk. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/**
 * Page errors and console errors of every page opened through launch(), not yet checked. The shared hook in
 * tests/e2e/page-errors.ts (a setup file of every spec) fails the test in which any of them happened.
 */
const pageProblems: string[] = [];
/** Errors a test announced it provokes on purpose (see expectPageError). */
const expected: RegExp[] = [];

const watched = new WeakSet<Page>();

export function watch(page: Page) {
  if (watched.has(page)) return;
  watched.add(page);
  const where = () => {
    try {
      return new URL(page.url()).search || '/';
    } catch {
      return page.url();
    }
  };
  page.on('pageerror', (e) => pageProblems.push(`page error at ${where()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageProblems.push(`console error at ${where()}: ${m.text()}`);
  });
}

/** Lets the current test provoke errors matching `pattern` (e.g. a refusal it tests for); any others still fail it. */
export function expectPageError(pattern: RegExp) {
  expected.push(pattern);
}

/** The errors since the last call, less those the test announced; clears both lists. */
export function takePageProblems(): string[] {
  const out = pageProblems.splice(0).filter((p) => !expected.some((re) => re.test(p)));
  expected.splice(0);
  return out;
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // Every page, however a spec opens it, is watched. The app's service worker (offline use) is blocked unless a
  // spec allows it (`serviceWorkers: 'allow'`, as tests/e2e/offline.e2e.ts does): otherwise every page would
  // precache the whole build in the background while its test measures and clicks.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: Parameters<Browser['newContext']>[0]) => {
    const context = await newContext({ serviceWorkers: 'block', ...options });
    context.on('page', watch);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options?: Parameters<Browser['newPage']>[0]) => {
    const page = await newPage({ serviceWorkers: 'block', ...options });
    watch(page);
    return page;
  };
  return browser;
}

export function appUrl(search = ''): string {
  return `${inject('baseUrl')}${search}`;
}

/** Open the app and wait until the main canvas has drawn. Collects page errors so a test can assert none. */
export async function openApp(browser: Browser, search = '', viewport = { width: 1440, height: 900 }) {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(appUrl(search));
  await waitForCanvas(page, search.includes('view=compare') ? (search.includes('panes=twin') ? 'left' : 'difference') : 'main');
  return { page, errors };
}

/**
 * Waits until a pane is drawn and settled: React has committed (a frame and a task go by), no overlay restyle is
 * scheduled or being computed (the canvas is not aria-busy), and the renderer has painted a frame since.
 */
export async function waitForCanvas(page: Page, pane = 'main') {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await page.waitForFunction((p) => {
    const cy = window.mscAtlas?.cy[p];
    if (!cy || cy.nodes().length === 0 || cy.nodes()[0]!.renderedBoundingBox().w === 0) return false;
    return cy.container()?.closest('.graph-canvas')?.getAttribute('aria-busy') !== 'true';
  }, pane);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Share of non-white pixels in the canvas layers of a pane (0–1): a blank canvas is 0. */
export async function inkRatio(page: Page, selector = '.main-graph .cy'): Promise<number> {
  const shot = await page.locator(selector).screenshot();
  const { PNG } = await import('pngjs');
  const png = PNG.sync.read(shot);
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i]! < 235 || png.data[i + 1]! < 235 || png.data[i + 2]! < 235) ink++;
  }
  return ink / (png.width * png.height);
}

/** One Chromium for the whole spec file: `const browser = useBrowser();` then `browser()` in tests. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
