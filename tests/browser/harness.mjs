// harness.mjs: what every browser test file shares. Serves build/wasm-release on a free port,
// starts the system Chromium (headless, software WebGL through SwiftShader) with playwright-core
// once per test file, and gives each test its own fresh page with its problems recorded.
// Usage in a test file: `useBrowser();` at the top, then `const { page, problems } = await open()`
// (or openShared(): one page a file's tests take turns on, for tests that need no fresh load).
//   NNPLAY_SITE=build/b-wasm   tests another build folder (relative to the repository, or absolute)
//   NNPLAY_ISOLATED=1          serves it cross-origin isolated: the page with threads (nnplay-mt.js)
import { after, afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const site = process.env.NNPLAY_SITE ? resolve(root, process.env.NNPLAY_SITE)
                                            : join(root, 'build', 'wasm-release');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
              '--disable-background-networking', '--disable-component-update', '--disable-sync',
              '--no-first-run'];
export const VIEWPORT = { width: 1280, height: 800 };

// Serves the site and starts Chromium on a fresh profile; resolves to {url, context, close()}.
// Also used by scripts/bench/page.mjs, so it knows nothing of node:test.
export async function launch() {
  if (!existsSync(join(site, 'index.html')))
    throw new Error(`${site}/index.html is missing: run make web first`);
  const { server, url } = await serve(site, 0, '127.0.0.1', { isolated: process.env.NNPLAY_ISOLATED === '1' });
  const profile = mkdtempSync(join(tmpdir(), 'nnplay-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, viewport: VIEWPORT,
    });
  } catch (e) {
    server.close();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const close = async () => {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { url, context, close };
}

// The browser of this test file, and the pages the running test opened (closed after it).
let browser = null;
let pages = [];
let registered = false;
// The file's shared page (openShared), kept until the file ends, and where its problems go now.
let shared = null;

// Registers the hooks: every page closed after its test, the server and browser stopped after
// the file. The browser starts with the file's first open(), not in a before hook: with
// --test-name-pattern, a file none of whose tests match then costs no browser start.
export function useBrowser() {
  registered = true;
  afterEach(async () => {
    const open = pages;
    pages = [];
    for (const page of open) await page.close().catch(() => {});
  });
  after(async () => {
    if (shared) await shared.page.close().catch(() => {});
    shared = null;
    if (browser) await browser.close();
    browser = null;
  });
}

// A fresh page at the site's address plus hash, with every console error, uncaught exception,
// failed request and HTTP error recorded in problems. setup(page) runs before the navigation;
// base: another server's address instead of the file's (e.g. one serving cross-origin isolated).
export async function open(hash = '', setup, base) {
  if (!registered) throw new Error('open(): call useBrowser() at the top of the test file');
  if (!browser) browser = await launch();
  const page = await browser.context.newPage();
  pages.push(page);
  // sink.problems: the list the page's reports go to (openShared gives each test a new one).
  const sink = { problems: [] };
  const note = (text) => sink.problems.push(text);
  page.on('console', (m) => { if (m.type() === 'error') note(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => note(`exception: ${e.message}`));
  page.on('requestfailed', (r) => note(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) note(`HTTP ${r.status()}: ${r.url()}`); });
  if (setup) await setup(page);
  await page.goto((base ?? browser.url) + hash);
  return { page, problems: sink.problems, sink };
}

// The file's shared page with the state of hash ('#key=value&...', as openReady takes it), ready,
// paused, at epoch 0; problems holds what the page reported during this call's test only. The
// first call loads it like openReady; later calls apply hash through the test API (setState:
// a new run, as a link opened in the page starts) instead of loading the page again, which
// takes one to three seconds. Only for tests that drive the page through the test API and need
// nothing of a first load: not for the load itself, history, storage, the viewport, focus, open
// panels or windows, the theme, the undo history or the message log, all of which it keeps.
export async function openShared(hash = '') {
  if (!registered) throw new Error('openShared(): call useBrowser() at the top of the test file');
  if (!shared) {
    const opened = await openReady(hash);
    pages = pages.filter((p) => p !== opened.page);  // kept open after this test
    shared = opened;
  } else {
    shared.sink.problems = [];
    await shared.page.evaluate((q) => { nnplay.pause(); nnplay.setState(q); }, hash.replace(/^#/, ''));
  }
  const { page, sink } = shared;
  await page.evaluate(() => nnplay.pause());
  const epoch = await page.evaluate(() => nnplay.metrics().epoch);
  if (epoch !== 0) throw new Error(`openShared(): the shared page is at epoch ${epoch}, not 0`);
  // A few frames with the new state, so that widgetRect() gives its controls, not the last ones.
  const drawn = await page.evaluate(() => nnplay.stats().framesDrawn);
  await page.waitForFunction((n) => nnplay.stats().framesDrawn >= n, drawn + 3, { timeout: 60000 });
  return { page, problems: sink.problems };
}

// open() and wait until the program runs and has laid out its controls.
export async function openReady(hash = '', setup, base) {
  const opened = await open(hash, setup, base);
  await ready(opened.page);
  return opened;
}

export async function ready(page) {
  await page.waitForFunction(() => window.nnplay && window.nnplay.ready && nnplay.widgetRect('play'),
                             null, { timeout: 60000 });
}
export const metrics = (page) => page.evaluate(() => nnplay.metrics());
export const hashOf = (page) => page.evaluate(() => decodeURIComponent(location.hash));
// Waits for n animation frames of the page.
export const frames = (page, n = 3) => page.evaluate((n) => new Promise((done) => {
  const next = () => (n-- > 0 ? requestAnimationFrame(next) : done());
  next();
}), n);
// Touch through the DevTools protocol: real touch events, as a phone's browser sends them.
export async function touchDrag(page, x, y, dx, dy, steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  const at = (px, py) => [{ x: px, y: py, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x, y) });
  await frames(page, 2);
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x + dx * i / steps, y + dy * i / steps) });
    await frames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
}

// A 9×9 grid over the plot, for comparing two networks' outputs.
export const GRID = [];
for (let i = 0; i <= 8; i++) for (let j = 0; j <= 8; j++) GRID.push([-6 + 1.5 * j, -6 + 1.5 * i]);
export const csvOf = (rows) => 'x,y,label\n' + rows.map((r) => r.join(',')).join('\n') + '\n';

// Pixel statistics of a PNG, decoded by the browser itself.
export async function pixelStats(page, png) {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch('data:image/png;base64,' + b64)).blob();
    const bitmap = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d');
    g.drawImage(bitmap, 0, 0);
    const d = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set();
    let sum = 0, sum2 = 0, n = 0, orange = 0, blue = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      const r = d[i], gg = d[i + 1], b = d[i + 2];
      colours.add((r >> 3) << 10 | (gg >> 3) << 5 | (b >> 3));
      const y = 0.3 * r + 0.59 * gg + 0.11 * b;
      sum += y; sum2 += y * y; n++;
      if (r > 200 && gg > 110 && gg < 180 && b < 90) orange++;
      if (r < 60 && gg > 90 && gg < 150 && b > 150) blue++;
    }
    const mean = sum / n;
    return { colours: colours.size, variance: sum2 / n - mean * mean, orange, blue };
  }, png.toString('base64'));
}
