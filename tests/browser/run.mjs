#!/usr/bin/env node
// run.mjs: the page's tests in a real browser. Serves build/wasm-release on a free port,
// drives the system Chromium (headless, software WebGL through SwiftShader) with
// playwright-core, and checks what a user sees plus the page's test API (window.nnplay).
// Usage: node tests/browser/run.mjs   (make test-web builds the page first)
//   NNPLAY_SITE=build/b-wasm   another build folder (relative to the repository, or absolute)
//   NNPLAY_TESTS=regex         only the tests whose name matches
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const site = process.env.NNPLAY_SITE ? resolve(root, process.env.NNPLAY_SITE)
                                     : join(root, 'build', 'wasm-release');
const only = process.env.NNPLAY_TESTS ? new RegExp(process.env.NNPLAY_TESTS) : null;
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
  if (only && !only.test(name)) return;
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

await test('a tap acts where the finger is (touch screens)', async () => {
  const r = await main.page.evaluate(() => nnplay.widgetRect('addLayer'));
  check(r && r.w > 0, `no rect for addLayer: ${JSON.stringify(r)}`);
  const before = await main.page.evaluate(() => nnplay.getState());
  const layers = (q) => (/networkShape=([^&]*)/.exec(q) || [0, ''])[1].split(',').filter(Boolean).length;
  // The mouse rests on the play button: a tap must not act there.
  await main.page.evaluate(({ x, y }) => {
    const canvas = document.getElementById('canvas');
    const touch = new Touch({ identifier: 1, target: canvas, clientX: x, clientY: y });
    for (const type of ['touchstart', 'touchend'])
      canvas.dispatchEvent(new TouchEvent(type, { bubbles: true, cancelable: true, touches: type === 'touchstart' ? [touch] : [],
                                                  changedTouches: [touch] }));
  }, { x: r.x + r.w / 2, y: r.y + r.h / 2 });
  await main.page.waitForFunction((n) => (/networkShape=([^&]*)/.exec(nnplay.getState()) || [0, ''])[1]
    .split(',').filter(Boolean).length === n, layers(before) + 1, { timeout: 5000 }).catch(() => {});
  const after = await main.page.evaluate(() => nnplay.getState());
  check(layers(after) === layers(before) + 1, `layers ${layers(before)} -> ${layers(after)}`);
  check((await metrics(main.page)).status === 'ok', 'bad status');
  await main.page.evaluate(() => { nnplay.pause(); nnplay.setState(''); });
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

await test('a paused page stops drawing; the mouse wakes it', async () => {
  // Idle: no training, no input or API call for half a second. stats() itself is an API
  // call, so the frames counted from one call to the next 5 s later are at most half a
  // second's worth (60 a second at the most) plus the once-a-second redraws, with a margin;
  // a page that kept drawing would show 100 or more even at 20 fps.
  const page = main.page;
  await page.evaluate(() => { nnplay.pause(); });
  await page.waitForTimeout(1500);
  const a = await page.evaluate(() => nnplay.stats().framesDrawn);
  await page.waitForTimeout(5000);
  const b = await page.evaluate(() => nnplay.stats().framesDrawn);
  check(b - a <= 0.6 * 60 + 5 + 4, `${b - a} frames drawn in 5 s of idling`);
  // Moving the mouse over the canvas for a second: frames again.
  await page.waitForTimeout(1500);
  const c = await page.evaluate(() => nnplay.stats().framesDrawn);
  for (let i = 0; i < 10; i++) {
    await page.mouse.move(300 + 20 * i, 400);
    await page.waitForTimeout(100);
  }
  const d = await page.evaluate(() => nnplay.stats().framesDrawn);
  check(d - c >= 5, `only ${d - c} frames drawn during a second of mouse moves`);  // idle: 1 or 2
  console.log(`     idle: ${b - a} frames in 5 s; moving the mouse: ${d - c} frames in 1 s`);
  check(main.problems.length === 0, main.problems.join('; '));
});

await test('speed figure: fps and epochs/s while training at 1280x800', async () => {
  // The default network at the default speed (an epoch a frame), then as fast as possible.
  await main.page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); nnplay.play(); });
  await main.page.waitForTimeout(3500);
  const d = await main.page.evaluate(() => nnplay.stats());
  await main.page.evaluate(() => { nnplay.setSpeed(4); });
  await main.page.waitForTimeout(3500);
  const s = await main.page.evaluate(() => nnplay.stats());
  await main.page.evaluate(() => { nnplay.pause(); nnplay.setSpeed(0); });
  check(d.epochsPerSecond > 0 && s.epochsPerSecond > 0, `no training: ${JSON.stringify([d, s])}`);
  console.log(`     default network, 1 epoch a frame: ${d.fps.toFixed(1)} fps (frame ${d.frameMs.toFixed(1)} ms; ` +
              `output ${d.outputRes}²; software WebGL); first frame ${Math.round(d.firstFrameMs)} ms after navigation`);
  console.log(`     default network, as fast as possible: ${s.fps.toFixed(1)} fps, ${Math.round(s.epochsPerSecond)} ` +
              `epochs/s (frame ${s.frameMs.toFixed(1)} ms of which training ${s.trainMs.toFixed(1)} ms)`);
  // The largest network: coarser pictures and fewer epochs per frame keep it responding.
  const big = 'networkShape=64,64,64,64,64,64,64,64';
  await main.page.evaluate((q) => { nnplay.setState(q); nnplay.play(); }, big);
  await main.page.waitForTimeout(5000);
  const b = await main.page.evaluate(() => nnplay.stats());
  await main.page.evaluate(() => { nnplay.pause(); nnplay.setState(''); });
  check(b.epochsPerSecond > 0, `8 x 64: no training: ${JSON.stringify(b)}`);
  console.log(`     8 x 64 network: ${b.fps.toFixed(1)} fps, ${b.epochsPerSecond.toFixed(1)} epochs/s ` +
              `(output ${b.outputRes}², pictures ${b.picturesMs.toFixed(0)} ms)`);
  check(main.problems.length === 0, main.problems.join('; '));
});

// ---- Links and files ------------------------------------------------------------------------

const TFP_LINK = '#activation=tanh&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.03&' +
  'regularizationRate=0&noise=0&networkShape=4,2&seed=0.80725&showTestData=false&discretize=false&' +
  'percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&' +
  'cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&' +
  'learningRate_hide=true&numHiddenLayers_hide=true';
// A 9×9 grid over the plot, for comparing two networks' outputs.
const GRID = [];
for (let i = 0; i <= 8; i++) for (let j = 0; j <= 8; j++) GRID.push([-6 + 1.5 * j, -6 + 1.5 * i]);
const frames = (page, n = 3) => page.evaluate((n) => new Promise((done) => {
  const next = () => (n-- > 0 ? requestAnimationFrame(next) : done());
  next();
}), n);
const csvOf = (rows) => 'x,y,label\n' + rows.map((r) => r.join(',')).join('\n') + '\n';

await test('a TensorFlow Playground link: its state, its hidden control, the compat=tf offer', async () => {
  const { page, problems } = await open(TFP_LINK);
  await ready(page);
  await frames(page);
  const state = await page.evaluate(() => nnplay.getState());
  for (const want of ['dataset=xor', 'networkShape=4,2&', 'learningRate=0.03&', 'seed=0.80725&',
                      'learningRate_hide=true'])
    check(state.includes(want), `state lacks ${want}: ${state}`);
  check(await page.evaluate(() => nnplay.widgetRect('learningRate')) === null,
        'the hidden learning rate control has a rectangle');
  check(await page.evaluate(() => nnplay.widgetRect('addLayer')) === null,
        'the hidden +/- layer buttons have a rectangle');
  check(await page.evaluate(() => nnplay.widgetRect('activation')) !== null, 'activation is missing');
  const status = await page.evaluate(() => nnplay.status());
  check(/TensorFlow Playground/.test(status) && /compat=tf/.test(status), `status: ${status}`);
  const r = await page.evaluate(() => nnplay.widgetRect('compatTf'));
  check(r !== null, 'no compat=tf button');
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => nnplay.getState().includes('compat=tf'), null, { timeout: 10000 });
  await frames(page);
  check(!/compat=tf/.test(await page.evaluate(() => nnplay.status())), 'still offered after clicking');
  check(problems.length === 0, problems.join('; '));
  await page.close();
});

await test('a link with trained weights: the receiver\'s output equals the sender\'s', async () => {
  const a = await open('#dataset=xor&networkShape=5,3&seed=share1&learningRate=0.1');
  await ready(a.page);
  await a.page.evaluate(() => nnplay.step(40));
  const sent = await a.page.evaluate((grid) => ({ link: nnplay.shareLink({ weights: true }),
    metrics: nnplay.metrics(), out: nnplay.predict(grid),
    half: nnplay.shareLink({ weights: true, f16: true }) }), GRID);
  check(sent.link.weights && !sent.link.tooLong, `link: ${JSON.stringify(sent.link).slice(0, 200)}`);
  check(/[#&]weights=/.test(sent.link.url) && /&epoch=40/.test(sent.link.url), `url: ${sent.link.url}`);
  check(sent.half.length < sent.link.length, `f16 ${sent.half.length} vs f32 ${sent.link.length}`);
  const b = await open(sent.link.url.slice(sent.link.url.indexOf('#')));
  await ready(b.page);
  const got = await b.page.evaluate((grid) => ({ metrics: nnplay.metrics(), out: nnplay.predict(grid),
                                                 status: nnplay.status() }), GRID);
  check(got.metrics.testLoss === sent.metrics.testLoss && got.metrics.trainLoss === sent.metrics.trainLoss,
        `losses: sent ${sent.metrics.testLoss}/${sent.metrics.trainLoss}, got ${got.metrics.testLoss}/${got.metrics.trainLoss}`);
  check(JSON.stringify(got.out) === JSON.stringify(sent.out), 'the outputs on the grid differ');
  check(/Weights from the link/.test(got.status), `status: ${got.status}`);
  check(got.metrics.epoch === 40, `the receiver is at epoch ${got.metrics.epoch}, not the sender's 40`);
  // It trains on from there; and the address still holds the weights.
  await b.page.evaluate(() => nnplay.step(5));
  check((await metrics(b.page)).testLoss !== sent.metrics.testLoss, 'training on changed nothing');
  check((await hashOf(b.page)).includes('weights='), 'the address lost the weights');
  check(a.problems.length + b.problems.length === 0, a.problems.concat(b.problems).join('; '));
  await a.page.close();
  await b.page.close();
});

await test('a CSV with an error changes nothing and names the line', async () => {
  await ready(main.page);
  await main.page.evaluate(() => nnplay.setState('dataset=circle&seed=csv'));
  const before = await main.page.evaluate(() => ({ state: nnplay.getState(), points: nnplay.exportCsv() }));
  const r = await main.page.evaluate((t) => nnplay.importCsv(t),
                                     'x,y,label\n1,2,0\n-1,0.5,1\n3,abc,1\n2,2,0\n');
  check(r.ok === false && /line 4/.test(r.message) && /abc/.test(r.message), `result: ${JSON.stringify(r)}`);
  const after = await main.page.evaluate(() => ({ state: nnplay.getState(), points: nnplay.exportCsv(),
                                                  status: nnplay.status() }));
  check(after.state === before.state, 'the state changed');
  check(after.points === before.points, 'the points changed');
  check(/line 4/.test(after.status) && /nothing imported/.test(after.status), `status: ${after.status}`);
  // A point outside the plot: refused, unless scaled in.
  const far = csvOf([[12, 0, 0], [-3, 1, 1], [0, -2, 1]]);
  const refused = await main.page.evaluate((t) => nnplay.importCsv(t), far);
  check(!refused.ok && /line 2/.test(refused.message) && /outside/.test(refused.message),
        `refused: ${JSON.stringify(refused)}`);
  check(await main.page.evaluate(() => nnplay.getState()) === before.state, 'a refused file changed the state');
  const scaled = await main.page.evaluate((t) => nnplay.importCsv(t, { scale: true }), far);
  check(scaled.ok && scaled.scale === 0.5, `scaled: ${JSON.stringify(scaled)}`);
  check(main.problems.length === 0, main.problems.join('; '));
});

await test('a good CSV imports with its class counts; points and model export round-trip', async () => {
  await ready(main.page);
  const rows = [];
  for (let i = 0; i < 60; i++) rows.push([(i % 12) - 5.5, Math.round(i / 7) - 4, i % 3]);
  const r = await main.page.evaluate((t) => nnplay.importCsv(t), csvOf(rows));
  check(r.ok && JSON.stringify(r.counts) === '[20,20,20]' && r.points === 60, `result: ${JSON.stringify(r)}`);
  const state = await main.page.evaluate(() => nnplay.getState());
  check(state.includes('dataset=custom') && state.includes('classes=3'), `state: ${state}`);
  const csv = await main.page.evaluate(() => nnplay.exportCsv());
  check(csv.trim().split('\n').length === 61, `exported ${csv.trim().split('\n').length} lines`);
  // The model: export, change everything, import: the same outputs.
  await main.page.evaluate(() => nnplay.step(20));
  const saved = await main.page.evaluate((grid) => ({ model: nnplay.exportModel(), out: nnplay.predict(grid),
                                                      state: nnplay.getState() }), GRID);
  check(JSON.parse(saved.model).format === 'nnplay-model', 'not a model file');
  await main.page.evaluate(() => nnplay.setState('dataset=spiral&networkShape=3'));
  const bad = await main.page.evaluate(() => nnplay.importModel('{"format": "nnplay-model", "version": 1'));
  check(!bad.ok && /nothing changed/.test(bad.message), `bad model: ${JSON.stringify(bad)}`);
  check((await main.page.evaluate(() => nnplay.getState())).includes('dataset=spiral'), 'a bad model changed the state');
  const ok = await main.page.evaluate((t) => nnplay.importModel(t), saved.model);
  check(ok.ok, `import: ${JSON.stringify(ok)}`);
  const back = await main.page.evaluate((grid) => ({ out: nnplay.predict(grid), state: nnplay.getState() }), GRID);
  check(back.state === saved.state, 'the model did not restore the state');
  check(JSON.stringify(back.out) === JSON.stringify(saved.out), 'the model did not restore the weights');
  const py = await main.page.evaluate(() => nnplay.exportPytorch());
  check(/import torch/.test(py) && /nn\.Sequential/.test(py), 'not a PyTorch script');
  check(main.problems.length === 0, main.problems.join('; '));
});

await test('the file picker: a CSV opens the preview, Import takes it; a PNG of the output', async () => {
  const { page, problems } = await open('#dataset=gauss&seed=picker');
  await ready(page);
  const rows = [];
  for (let i = 0; i < 40; i++) rows.push([(i % 10) - 4.5 + 4, (i % 7) - 3, i < 25 ? 0 : 1]);
  rows.push([9, 3, 1]);  // outside the plot
  await page.setInputFiles('#nnplay-file', { name: 'mine.csv', mimeType: 'text/csv',
                                             buffer: Buffer.from(csvOf(rows)) });
  await page.waitForFunction(() => nnplay.widgetRect('csvImport'), null, { timeout: 10000 });
  await frames(page);
  await page.screenshot({ path: join(root, 'build', 'screenshot-csv-preview.png') });
  check((await page.evaluate(() => nnplay.getState())).includes('dataset=gauss'), 'changed before Import');
  const r = await page.evaluate(() => nnplay.widgetRect('csvImport'));
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => nnplay.getState().includes('dataset=custom'), null, { timeout: 10000 });
  const csv = await page.evaluate(() => nnplay.exportCsv());
  check(csv.includes('\n6,2,1\n'), 'the point outside was not scaled in (9,3 -> 6,2)');
  // The output plot as a PNG download.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }),
                                        page.evaluate(() => nnplay.exportPng())]);
  check(download.suggestedFilename() === 'nnplay-output.png', download.suggestedFilename());
  const png = Buffer.from(await (await import('node:fs/promises')).readFile(await download.path()));
  check(png.subarray(1, 4).toString() === 'PNG', 'not a PNG');
  const s = await pixelStats(page, png);
  check(s.orange > 20 && s.blue > 20, `the picture lacks the class colours (${JSON.stringify(s)})`);
  check(problems.length === 0, problems.join('; '));
  await page.close();
});

await test('Back and Forward step through shared links without reloading', async () => {
  const { page, problems } = await open('#dataset=circle&seed=hist&networkShape=3');
  await ready(page);
  const first = await page.evaluate((grid) => {
    window.nnplayMarker = 42;
    nnplay.step(15);
    return { link: nnplay.shareLink(), out: nnplay.predict(grid) };
  }, GRID);
  await page.evaluate(() => { nnplay.setState('dataset=xor&seed=hist2&networkShape=2'); nnplay.step(10); });
  const second = await page.evaluate(() => nnplay.shareLink());
  check(!first.link.tooLong && !second.tooLong && second.url !== first.link.url, 'two links');
  check((await page.evaluate(() => location.href)) === second.url, 'the address is not the second link');
  await page.evaluate(() => history.back());
  await page.waitForFunction(() => nnplay.getState().includes('dataset=circle'), null, { timeout: 10000 });
  const back = await page.evaluate((grid) => ({ marker: window.nnplayMarker, out: nnplay.predict(grid),
                                                href: location.href }), GRID);
  check(back.marker === 42, 'the page reloaded');
  check(back.href === first.link.url, 'Back did not return to the first link');
  check(JSON.stringify(back.out) === JSON.stringify(first.out), 'Back did not restore the first weights');
  await page.evaluate(() => history.forward());
  await page.waitForFunction(() => nnplay.getState().includes('dataset=xor'), null, { timeout: 10000 });
  check(await page.evaluate(() => window.nnplayMarker) === 42, 'Forward reloaded the page');
  check(problems.length === 0, problems.join('; '));
  await page.close();
});

await test('a link over 8 KB says so and offers the model file instead', async () => {
  const { page, problems } = await open('#seed=long');
  await ready(page);
  const rows = [];
  for (let i = 0; i < 3000; i++) rows.push([(((i * 37) % 1200) / 100 - 6).toFixed(3), ((i * 53) % 1200 / 100 - 6).toFixed(3), i % 2]);
  check((await page.evaluate((t) => nnplay.importCsv(t), csvOf(rows))).ok, 'import failed');
  const hrefBefore = await page.evaluate(() => { nnplay.step(1); return location.href; });
  const link = await page.evaluate(() => nnplay.shareLink({ weights: true, points: true, f16: false }));
  check(link.tooLong && link.length > 8192, `link: tooLong ${link.tooLong}, ${link.length} characters`);
  const status = await page.evaluate(() => nnplay.status());
  check(/8\.0 KB/.test(status) && /model file/.test(status), `status: ${status}`);
  check(await page.evaluate(() => location.href) === hrefBefore, 'a too-long link became the address');
  await page.waitForFunction(() => nnplay.widgetRect('downloadModel'), null, { timeout: 10000 });
  await frames(page);
  await page.screenshot({ path: join(root, 'build', 'screenshot-link-too-long.png') });
  const r = await page.evaluate(() => nnplay.widgetRect('downloadModel'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }),
                                        page.mouse.click(r.x + r.w / 2, r.y + r.h / 2)]);
  check(download.suggestedFilename() === 'nnplay-model.json', download.suggestedFilename());
  check(problems.length === 0, problems.join('; '));
  await page.close();
});

await context.close();
server.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
