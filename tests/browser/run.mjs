#!/usr/bin/env node
// run.mjs: the page's tests in a real browser. Serves build/wasm-release on a free port,
// drives the system Chromium (headless, software WebGL through SwiftShader) with
// playwright-core, and checks what a user sees plus the page's test API (window.nnplay).
// Usage: node tests/browser/run.mjs   (make test-web builds the page first)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = join(root, 'build', 'wasm-release');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
              '--disable-background-networking', '--disable-component-update', '--disable-sync',
              '--no-first-run'];

if (!existsSync(join(site, 'index.html'))) {
  console.error(`run.mjs: ${site}/index.html is missing: run make web first`);
  process.exit(2);
}

const { server, url } = await serve(site, 0);
const profile = mkdtempSync(join(tmpdir(), 'nnplay-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 },
});

let passed = 0, failed = 0;
async function test(name, body) {
  const started = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message.split('\n')[0] : e}`);
  }
}
function check(condition, message) { if (!condition) throw new Error(message); }

// A page with every console error, uncaught exception and failed request recorded.
async function open(hash = '', setup) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  if (setup) await setup(page);
  await page.goto(url + hash);
  return { page, problems };
}
async function ready(page) {
  await page.waitForFunction(() => window.nnplay && window.nnplay.ready && nnplay.widgetRect('play'),
                             null, { timeout: 60000 });
}
const metrics = (page) => page.evaluate(() => nnplay.metrics());
const hashOf = (page) => page.evaluate(() => decodeURIComponent(location.hash));
async function epochAfter(page, ms) { await page.waitForTimeout(ms); return (await metrics(page)).epoch; }

// Pixel statistics of a PNG, decoded by the browser itself.
async function pixelStats(page, png) {
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

const main = await open();

await test('page loads without console errors', async () => {
  await ready(main.page);
  await main.page.waitForTimeout(1500);  // a few frames
  check(main.problems.length === 0, main.problems.join('; '));
  check(await main.page.isVisible('#canvas'), 'the canvas is not visible');
  check(!(await main.page.isVisible('#error')), 'the error message is showing');
});

await test('the canvas is drawn (not blank) and a screenshot is saved', async () => {
  const png = await main.page.screenshot({ path: join(root, 'build', 'screenshot.png') });
  const s = await pixelStats(main.page, png);
  check(s.colours >= 20, `only ${s.colours} distinct colours`);
  check(s.variance > 50, `luminance variance ${s.variance.toFixed(1)}`);
  check(s.orange > 20 && s.blue > 20, `class colours missing (orange ${s.orange}, blue ${s.blue})`);
});

await test('Space starts and stops training; the epoch counter moves', async () => {
  const before = (await metrics(main.page)).epoch;
  await main.page.mouse.move(5, 790);
  await main.page.keyboard.press('Space');
  const during = await epochAfter(main.page, 2000);
  check(during > before, `epoch stayed at ${before} after Space`);
  await main.page.keyboard.press('Space');
  const stopped = await epochAfter(main.page, 1000);  // software WebGL: a frame can take 150 ms
  const later = await epochAfter(main.page, 1000);
  check(later === stopped, `still training after the second Space (${stopped} -> ${later})`);
});

await test('clicking the play button toggles training', async () => {
  const r = await main.page.evaluate(() => nnplay.widgetRect('play'));
  check(r && r.w > 0 && r.h > 0, `no rect for play: ${JSON.stringify(r)}`);
  const before = (await metrics(main.page)).epoch;
  await main.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  const during = await epochAfter(main.page, 2000);
  check(during > before, `epoch stayed at ${before} after clicking play`);
  await main.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  const stopped = await epochAfter(main.page, 1000);
  const later = await epochAfter(main.page, 1000);
  check(later === stopped, `still training after clicking pause (${stopped} -> ${later})`);
});

await test('circle, default settings: test accuracy above 95 % within 300 epochs', async () => {
  await main.page.evaluate(() => nnplay.setState(''));
  const m0 = await metrics(main.page);
  check(m0.epoch === 0, `setState did not start over (epoch ${m0.epoch})`);
  let m = m0;
  for (let e = 0; e < 300 && !(m.testAcc > 0.95); e += 25) {
    await main.page.evaluate(() => nnplay.step(25));
    m = await metrics(main.page);
  }
  check(m.testAcc > 0.95, `test accuracy ${(100 * m.testAcc).toFixed(1)} % after ${m.epoch} epochs`);
  console.log(`     reached ${(100 * m.testAcc).toFixed(1)} % test accuracy at epoch ${m.epoch}`);
});

await test('changing a control changes the address', async () => {
  await main.page.evaluate(() => nnplay.setState('learningRate=0.1&noise=10'));
  await main.page.waitForTimeout(300);
  let hash = await hashOf(main.page);
  check(/learningRate=0\.1(&|$)/.test(hash) && /noise=10(&|$)/.test(hash), `hash is ${hash}`);
  // A real click: the "Show test data" checkbox.
  const r = await main.page.evaluate(() => nnplay.widgetRect('showTestData'));
  check(r, 'no rect for showTestData');
  await main.page.mouse.click(r.x + 8, r.y + r.h / 2);
  await main.page.waitForTimeout(500);
  hash = await hashOf(main.page);
  check(hash.includes('showTestData=true'), `after clicking "Show test data" the hash is ${hash}`);
});

await test('editing the hash by hand applies it', async () => {
  await main.page.evaluate(() => { location.hash = 'activation=relu&learningRate=0.3&networkShape=3'; });
  await main.page.waitForTimeout(600);
  const state = await main.page.evaluate(() => nnplay.getState());
  check(state.includes('activation=relu') && state.includes('learningRate=0.3') &&
        state.includes('networkShape=3&'), `state is ${state}`);
  check(main.problems.length === 0, main.problems.join('; '));
});

await test('opening a link applies its state', async () => {
  const { page, problems } = await open('#activation=sigmoid&learningRate=0.003&dataset=xor&networkShape=5,3,2');
  await ready(page);
  const state = await page.evaluate(() => nnplay.getState());
  check(state.includes('activation=sigmoid') && state.includes('learningRate=0.003') &&
        state.includes('dataset=xor') && state.includes('networkShape=5,3,2'), `state is ${state}`);
  await page.waitForTimeout(500);
  check((await hashOf(page)).includes('dataset=xor'), 'the address lost the link');
  check(problems.length === 0, problems.join('; '));
  await page.close();
});

await test('a link with bad values loads, with the warning in the status line', async () => {
  const { page, problems } = await open('#learningRate=abc&noise=999&foo=1');
  await ready(page);
  await page.waitForTimeout(500);
  const status = await page.evaluate(() => nnplay.status());
  check(/foo/.test(status), `status does not name the unknown key: "${status}"`);
  check(/learningRate/.test(status) && /noise/.test(status), `status lacks the bad values: "${status}"`);
  const warnings = await page.evaluate(() => nnplay.setState('learningRate=abc&foo=1'));
  check(Array.isArray(warnings) && warnings.length >= 2, `setState warnings: ${JSON.stringify(warnings)}`);
  const m = await metrics(page);
  check(m.epoch === 0 && m.status === 'ok', `metrics ${JSON.stringify(m)}`);
  await page.evaluate(() => nnplay.step(5));
  check((await metrics(page)).epoch === 5, 'could not train after a bad link');
  check(problems.length === 0, problems.join('; '));
  await page.close();
});

await test('without WebGL 2 the page explains what is missing', async () => {
  const { page } = await open('', (p) => p.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  }));
  await page.waitForSelector('#error', { state: 'visible', timeout: 10000 });
  const text = await page.innerText('#error');
  check(/WebGL 2/.test(text) && /Chrome/.test(text), `message: ${text}`);
  check(!(await page.evaluate(() => !!window.nnplay)), 'the program loaded anyway');
  await page.close();
});

await test('a failed download explains itself instead of a blank page', async () => {
  const { page } = await open('', (p) => p.route('**/nnplay.wasm', (route) => route.abort()));
  await page.waitForSelector('#error', { state: 'visible', timeout: 20000 });
  const text = await page.innerText('#error');
  check(/cannot run/.test(text), `message: ${text}`);
  await page.close();
});

await test('speed figure: fps and epochs/s while training at 1280x800', async () => {
  await main.page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(4); nnplay.play(); });
  await main.page.waitForTimeout(3500);
  const s = await main.page.evaluate(() => nnplay.stats());
  await main.page.evaluate(() => { nnplay.pause(); nnplay.setSpeed(0); });
  check(s.epochsPerSecond > 0, `no training: ${JSON.stringify(s)}`);
  console.log(`     ${s.fps.toFixed(1)} fps, ${Math.round(s.epochsPerSecond)} epochs/s ` +
              `(frame ${s.frameMs.toFixed(1)} ms of which training ${s.trainMs.toFixed(1)} ms; ` +
              'software WebGL)');
  check(main.problems.length === 0, main.problems.join('; '));
});

await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
