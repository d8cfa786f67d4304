// load.test.mjs: the page loads, draws and explains itself when it cannot run (no WebGL 2, a
// failed download). Each test opens its own page (harness.mjs); run with
// `node --test tests/browser/` or this file alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, open, openReady, pixelStats, root } from './harness.mjs';

// Waits until the page has drawn n frames of its own since it loaded.
const framesDrawn = (page, n) =>
  page.waitForFunction((k) => nnplay.stats().framesDrawn >= k, n, { timeout: 60000 });

useBrowser();

test('page loads without console errors', async () => {
  const { page, problems } = await openReady();
  await framesDrawn(page, 30);  // a second's frames or so
  assert.ok(problems.length === 0, problems.join('; '));
  assert.ok(await page.isVisible('#canvas'), 'the canvas is not visible');
  assert.ok(!(await page.isVisible('#error')), 'the error message is showing');
});

test('the canvas is drawn (not blank) and a screenshot is saved', async () => {
  const { page, problems } = await openReady();
  await framesDrawn(page, 30);  // the pictures after the first second or so, as a user first sees them
  const png = await page.screenshot({ path: join(root, 'build', 'screenshot.png') });
  const s = await pixelStats(page, png);
  assert.ok(s.colours >= 20, `only ${s.colours} distinct colours`);
  assert.ok(s.variance > 50, `luminance variance ${s.variance.toFixed(1)}`);
  assert.ok(s.orange > 20 && s.blue > 20, `class colours missing (orange ${s.orange}, blue ${s.blue})`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('without WebGL 2 the page explains what is missing', async () => {
  const { page } = await open('', (p) => p.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  }));
  await page.waitForSelector('#error', { state: 'visible', timeout: 10000 });
  const text = await page.innerText('#error');
  assert.ok(/WebGL 2/.test(text) && /Chrome/.test(text), `message: ${text}`);
  assert.ok(!(await page.evaluate(() => !!window.nnplay)), 'the program loaded anyway');
});

test('a failed download explains itself instead of a blank page', async () => {
  // nnplay.wasm, or nnplay-mt.wasm where the page is served cross-origin isolated.
  const { page } = await open('', (p) => p.route(/\/nnplay(-mt)?\.wasm$/, (route) => route.abort()));
  await page.waitForSelector('#error', { state: 'visible', timeout: 20000 });
  const text = await page.innerText('#error');
  assert.ok(/cannot run/.test(text), `message: ${text}`);
});
