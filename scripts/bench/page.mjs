#!/usr/bin/env node
// page.mjs: the page's speed figures (`make bench-page`, and printed by `make test-web` as
// information), in one headless Chromium run (software WebGL) at 1280×800 and 1920×1080 (and
// 1280×800 at devicePixelRatio 2 on request): a bare WebGL 2 canvas that only clears itself, the page
// drawing only its widgets while it trains (the ceiling), and the page training the default
// network, alternated in five rounds (medians): frames a second and their ratios to the bare
// canvas (each round's against the bare canvas's in that round), the main thread's work per
// frame (JS + WASM, timed around each animation-frame callback, and its CPU time from Chrome's
// own trace), draw calls, triangles and texture uploads.
// Then the 8 × 64 network: its output grid's resolution while training and after a pause;
// the heaviest link of issue 13 (training in slices); the losses-only measure against the full.
// The page draws each frame only where it changed (web/damage.h); 'drawn whole' is the
// training page drawn whole every frame, 'redrawn' the share of the canvas a training frame
// drew again.
// Usage: node scripts/bench/page.mjs   (NNPLAY_SITE=build/other times another build folder;
// NNPLAY_BENCH_PARTS=1 adds the breakdown: the training page with each part of its picture
// work left out in turn, nnplay.setSpeedSkip, interleaved and repeated; NNPLAY_BENCH_HIDPI=1 adds
// the 1280×800 @2x row, left out by default because make test-web runs this bench every time)
// Exits 1 only when the page cannot load; slow figures are figures, not failures.
import { launch, ready } from '../../tests/browser/harness.mjs';

// How long each figure settles, then is measured: the first frames after a change (a new
// size, a new network) are slow.
const SETTLE_MS = 2000;
const MEASURE_MS = 3000;
const BIG_MS = 4000;
const SIZES = [
  { width: 1280, height: 800, dpr: 1 },
  { width: 1920, height: 1080, dpr: 1 },
  ...(process.env.NNPLAY_BENCH_HIDPI ? [{ width: 1280, height: 800, dpr: 2 }] : []),
];

// Issue 13's heaviest link, and every See inside view (issue 14) by its link keys.
const HEAVY = 'networkShape=64,64,64,64,64,64,64,64&ensemble=8&numSamples=5000&batchSize=1';
const ALL_VIEWS = 'showBackprop=true&showGradients=true&showSurface=true&showHidden=true&showLrFinder=true';

const fmt = (x, digits = 1) => (Number.isFinite(x) ? Number(x).toFixed(digits) : '-');

// Runs in the page before its scripts: times every animation-frame callback (the page's
// frame: JS and WASM) and notes when each began.
function frameHook() {
  const log = { start: [], work: [] };
  window.__frameLog = log;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((now) => {
    const t0 = performance.now();
    try { callback(now); } finally {
      log.start.push(t0);
      log.work.push(performance.now() - t0);
    }
  });
}

// The frame log since the last call: {fps, workMedian, workP95} in ms.
async function frameFigures(page, ms) {
  await page.evaluate(() => { window.__frameLog.start.length = 0; window.__frameLog.work.length = 0; });
  await page.waitForTimeout(ms);
  return page.evaluate(() => {
    const { start, work } = window.__frameLog;
    const sorted = [...work].sort((a, b) => a - b);
    const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
    const span = start.length > 1 ? start[start.length - 1] - start[0] : 0;
    return { fps: span > 0 ? (1000 * (start.length - 1)) / span : 0, workMedian: at(0.5), workP95: at(0.95) };
  });
}

// The page's animation-frame callbacks over ms, from Chrome's own trace (its FireAnimationFrame
// events): {wallMedian, wallP95, cpuMedian, cpuP95} in ms. The wall time is what frameFigures
// times; the CPU time is the main thread's own (the event's thread time), which leaves out the
// time the scheduler gave other threads in the middle of a frame. With two cores shared by the
// page, the compositor and SwiftShader's GPU process, those holes are a few ms in a tenth of
// the frames: a callback that does the same work every frame (widgets only) had a wall p95 4.5
// times its median. Traced apart from the fps figures (tracing costs a little). NaN where the
// trace has no thread times.
async function traceFrames(context, page, ms) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  await page.waitForTimeout(ms);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const frames = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X');
  const quantile = (values, q) => {
    const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
  };
  const wall = frames.map((e) => e.dur / 1000);
  const cpu = frames.map((e) => (e.tdur === undefined ? NaN : e.tdur / 1000));
  return { wallMedian: quantile(wall, 0.5), wallP95: quantile(wall, 0.95),
           cpuMedian: quantile(cpu, 0.5), cpuP95: quantile(cpu, 0.95) };
}

async function newPage(context, size) {
  const page = await context.newPage();
  await page.setViewportSize({ width: size.width, height: size.height });
  if (size.dpr !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: size.width, height: size.height, deviceScaleFactor: size.dpr, mobile: false,
    });
  }
  await page.addInitScript(frameHook);
  return page;
}

// A page that only clears a viewport-sized WebGL 2 canvas each frame: what this browser and
// machine give at best. Returns the page and run(on), which starts or stops its frames
// (stopped, it draws nothing and leaves the machine to the page measured beside it); null
// when WebGL 2 is missing.
async function openBare(context, size) {
  const page = await newPage(context, size);
  await page.goto('about:blank');
  await page.setContent('<!doctype html><style>html, body { margin: 0; overflow: hidden; } ' +
                        'canvas { display: block; width: 100vw; height: 100vh; }</style><canvas></canvas>');
  const ok = await page.evaluate(() => {
    if (!window.__frameLog) {
      // setContent may keep the first document: hook here then.
      const log = { start: [], work: [] };
      window.__frameLog = log;
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => raf((now) => {
        const t0 = performance.now();
        try { cb(now); } finally { log.start.push(t0); log.work.push(performance.now() - t0); }
      });
    }
    const canvas = document.querySelector('canvas');
    canvas.width = Math.round(innerWidth * devicePixelRatio);
    canvas.height = Math.round(innerHeight * devicePixelRatio);
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    let frames = 0;
    window.__bareOn = false;
    window.__bareFrame = () => {
      if (!window.__bareOn) return;
      gl.clearColor((frames++ % 60) / 60, 0.5, 0.5, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      requestAnimationFrame(window.__bareFrame);
    };
    return true;
  });
  if (!ok) {
    await page.close();
    return null;
  }
  const run = (on) => page.evaluate((on) => {
    const was = window.__bareOn;
    window.__bareOn = on;
    if (on && !was) requestAnimationFrame(window.__bareFrame);
  }, on);
  return { page, run };
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[sorted.length >> 1] : NaN;
};

// One size, in five alternated rounds (the machine's load drifts; each figure is the median
// of its rounds): the bare canvas, the page drawing only its widgets while it trains (the
// ceiling), the page training the default network (an epoch a frame), and the same drawn whole
// every frame. Only the one measured draws frames: the bare canvas is stopped, the page paused.
// Returns the page still open: the 8 x 64 and See inside figures go on with the 1280x800 one
// (each sets its own state), which spares the bench two page loads.
const ROUNDS = 5;
const ROUND_MS = 1500;  // each mode's measure in a round (the bench as long as three of 3 s)
async function measurePage(context, url, size) {
  const bare = await openBare(context, size);
  const page = await newPage(context, size);
  await page.goto(url);
  await ready(page);
  await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); });
  const runs = { bare: [], widgets: [], training: [], whole: [] };
  // (Only the tab in front gets its animation frames at full rate.)
  const measure = async (what, setup) => {
    await (what === 'bare' ? bare.page : page).bringToFront();
    await setup();
    await page.waitForTimeout(SETTLE_MS / 2);
    runs[what].push(await frameFigures(what === 'bare' ? bare.page : page, ROUND_MS));
  };
  const pageMode = (widgetsOnly, whole) => page.evaluate(([w, f]) => {
    nnplay.setWidgetsOnly(w);
    nnplay.setFullRedraw(f);
    nnplay.play();
  }, [widgetsOnly, whole]);
  for (let round = 0; round < ROUNDS; round++) {
    if (bare) {
      await measure('bare', async () => { await page.evaluate(() => nnplay.pause()); await bare.run(true); });
      await bare.run(false);
    }
    await measure('widgets', () => pageMode(true, false));
    await measure('training', () => pageMode(false, false));
    await measure('whole', () => pageMode(false, true));
  }
  // ratio: the median of each round's fps over the bare canvas's in the same round (measured
  // seconds before it), which the machine's drift from round to round moves less than a ratio
  // of medians (one clean-clone run's bare canvas went 47.3, 43.6, 36.9 fps in its rounds).
  const figures = (list) => ({ fps: median(list.map((f) => f.fps)), workMedian: median(list.map((f) => f.workMedian)),
                               workP95: median(list.map((f) => f.workP95)), rounds: list.map((f) => f.fps),
                               ratio: median(list.map((f, i) => (runs.bare[i] ? f.fps / runs.bare[i].fps : NaN))) });
  const widgets = figures(runs.widgets);
  const training = figures(runs.training);
  training.whole = figures(runs.whole);
  // Once more each, after the rounds: the GL counts, the work by phase and Chrome's trace.
  await page.bringToFront();
  await pageMode(true, false);
  await page.waitForTimeout(SETTLE_MS / 2);
  widgets.gl = await page.evaluate(() => nnplay.speed());
  widgets.traced = await traceFrames(context, page, MEASURE_MS);
  await pageMode(false, false);
  await page.waitForTimeout(SETTLE_MS / 2);
  await page.evaluate(() => nnplay.framePhases && nnplay.framePhases());  // session 8: from here
  await page.waitForTimeout(MEASURE_MS);
  training.phases = await page.evaluate(() => (nnplay.framePhases ? nnplay.framePhases() : null));
  training.gl = await page.evaluate(() => nnplay.speed());
  training.stats = await page.evaluate(() => nnplay.stats());
  training.traced = await traceFrames(context, page, MEASURE_MS);
  // The share of the canvas each frame drew again (web/damage.h), over 30 frames.
  training.redrawn = await page.evaluate(() => new Promise((done) => {
    let sum = 0, n = 0;
    const sample = () => { sum += nnplay.speed().redrawn; if (++n < 30) requestAnimationFrame(sample); else done(sum / n); };
    requestAnimationFrame(sample);
  }));
  await page.evaluate(() => nnplay.pause());
  if (bare) await bare.page.close();
  return { bare: figures(runs.bare), widgets, training, page };
}

// The default network as fast as possible, and the 8 × 64 network: the lowest output grid
// resolution seen while it trains (sampled each frame), then how long after the pause its
// grid reaches 256². On measurePage's 1280x800 page.
async function measureBig(page) {
  await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(4); nnplay.play(); });
  await page.waitForTimeout(SETTLE_MS + 1500);
  const fast = await page.evaluate(() => nnplay.stats());
  await page.evaluate(() => { nnplay.pause(); nnplay.setSpeed(0); });
  await page.evaluate(() => { nnplay.setState('networkShape=64,64,64,64,64,64,64,64'); nnplay.play(); });
  // Every frame from the change until two passes of the new network's grid have finished
  // (the first may have begun before it) and BIG_MS have gone by: the coarsest grid shown.
  const lowest = await page.evaluate((ms) => new Promise((done) => {
    const from = nnplay.speed().boundaryPasses;
    let low = Infinity;
    const until = performance.now() + ms;
    const sample = () => {
      const s = nnplay.speed();
      low = Math.min(low, s.boundaryRes);
      if ((s.boundaryPasses >= from + 2 && performance.now() >= until) || performance.now() > until + 60000)
        done(s.boundaryPasses >= from + 2 ? low : NaN);
      else requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }), BIG_MS);
  const big = await page.evaluate(() => nnplay.stats());
  const toFine = await page.evaluate(() => new Promise((done) => {
    nnplay.pause();
    const t0 = performance.now();
    const check = () => {
      if (nnplay.speed().boundaryRes >= 256) done(performance.now() - t0);
      else if (performance.now() - t0 > 30000) done(NaN);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }));
  return { fast, big, lowest, toFine };
}

let browser;
try {
  browser = await launch();
} catch (e) {
  console.error(`bench-page: cannot start: ${e.message}`);
  process.exit(1);
}
const rows = [];
let big, heavy;
try {
  for (const size of SIZES) {
    const { bare, widgets, training, page } = await measurePage(browser.context, browser.url, size);
    rows.push({ size, bare, widgets, training });
    if (rows.length === 1) {  // 1280x800: the figures after the table, on this page
      big = await measureBig(page);
      await measureViews(page).catch((e) => console.log(`bench-page: views not measured: ${e.message.split('\n')[0]}`));
    }
    await page.close();
    if (rows.length === 1) heavy = await measureHeavy(browser).catch((e) => ({ error: e.message.split('\n')[0] }));
  }
} catch (e) {
  console.error(`bench-page: the page did not load or run: ${e.message.split('\n')[0]}`);
  await browser.close();
  process.exit(1);
}
if (process.env.NNPLAY_BENCH_PARTS) await measureParts(browser).catch((e) => console.log(`bench-page: parts not measured: ${e.message.split('\n')[0]}`));
await browser.close();

const ratio = (fps, bare) => (bare > 0 ? fmt(fps / bare, 2) : '-');
console.log('bench-page: headless Chromium, software WebGL (SwiftShader); fps (median of the rounds) and the median of each round\'s ratio to a bare WebGL 2 ' +
            'canvas of the same size; main-thread work per frame (JS + WASM) median / p95 ms; ' +
            'GL per frame of the training page');
const table = [['size', 'bare fps', 'widgets fps', 'page fps', 'drawn whole', 'redrawn', 'widgets work', 'page work',
                'draws', 'triangles', 'uploads (KB)', 'grid']];
for (const { size, bare, widgets, training } of rows) {
  table.push([
    `${size.width}x${size.height}${size.dpr !== 1 ? ` @${size.dpr}x` : ''}`,
    fmt(bare.fps),
    `${fmt(widgets.fps)} (${fmt(widgets.ratio, 2)})`,
    `${fmt(training.fps)} (${fmt(training.ratio, 2)})`,
    `${fmt(training.whole.fps)} (${fmt(training.whole.ratio, 2)})`,
    `${fmt(100 * training.redrawn, 0)} %`,
    `${fmt(widgets.workMedian)} / ${fmt(widgets.workP95)}`,
    `${fmt(training.workMedian)} / ${fmt(training.workP95)}`,
    String(training.gl.drawCalls),
    String(training.gl.triangles),
    `${training.gl.uploads} (${fmt(training.gl.uploadBytes / 1024, 0)})`,
    `${training.gl.boundaryRes}²`,
  ]);
}
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
for (const r of table) console.log('bench-page:   ' + r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
// Each round's fps, as measured: how far the machine's load moved the figures.
for (const { size, bare, widgets, training } of rows) {
  const list = (f) => (f.rounds || []).map((x) => fmt(x)).join(', ');
  console.log(`bench-page: rounds at ${size.width}x${size.height}${size.dpr !== 1 ? ` @${size.dpr}x` : ''} (fps): ` +
              `bare ${list(bare)}; widgets ${list(widgets)}; page ${list(training)}; drawn whole ${list(training.whole)}`);
}
// Page speed (session 8): the training page's own work per frame by phase (nnplay.framePhases).
for (const { size, training: { phases } } of rows) {
  if (!phases) continue;
  console.log(`bench-page: training page's work by phase at ${size.width}x${size.height}${size.dpr !== 1 ? ` @${size.dpr}x` : ''} ` +
              `(median / p95 ms of ${phases.frames} frames): ` +
              ['train', 'pictures', 'ui', 'draw', 'total'].map((k) => `${k} ${fmt(phases[k].median, 2)} / ${fmt(phases[k].p95, 2)}`).join(', '));
}
// The same work traced by Chrome: wall time and the main thread's own CPU time per frame.
for (const { size, widgets, training } of rows) {
  const pair = (t, a, b) => `${fmt(t[a], 2)} / ${fmt(t[b], 2)}`;
  const goal = size.width >= 1920 ? 6 : 4;
  console.log(`bench-page: main-thread work per frame at ${size.width}x${size.height}${size.dpr !== 1 ? ` @${size.dpr}x` : ''}, ` +
              `Chrome's trace (median / p95 ms): widgets only wall ${pair(widgets.traced, 'wallMedian', 'wallP95')}, ` +
              `CPU ${pair(widgets.traced, 'cpuMedian', 'cpuP95')}; training page wall ` +
              `${pair(training.traced, 'wallMedian', 'wallP95')}, CPU ${pair(training.traced, 'cpuMedian', 'cpuP95')} ` +
              `(goal ≤ ${goal} ms)`);
}
const { fast, big: b, lowest, toFine } = big;
console.log(`bench-page: default network, as fast as possible (1280x800): ${fmt(fast.fps)} fps, ` +
            `${Math.round(fast.epochsPerSecond)} epochs/s; frame ${fmt(fast.frameMs)} ms of which training ` +
            `${fmt(fast.trainMs)} ms`);
console.log(`bench-page: 8 x 64 network (1280x800): ${fmt(b.fps)} fps (${ratio(b.fps, rows[0].bare.fps)}), ` +
            `${fmt(b.epochsPerSecond)} epochs/s; output grid at least ${lowest}² while training, ` +
            `256² ${fmt(toFine / 1000, 2)} s after the pause`);
printHeavy(heavy, rows[0].bare.fps);

function printHeavy(h, bare) {
  if (h.error) {
    console.log(`bench-page: heavy link: not measured (${h.error})`);
    return;
  }
  const line = (what, x) => console.log(`bench-page: heavy link (8 x 64, ensemble 8, 5000 points), ${what}: ` +
    `${fmt(x.fps)} fps (${ratio(x.fps, bare)}; goal 20 fps), ${fmt(x.epochsPerSecond, 2)} epochs/s, frame ` +
    `${fmt(x.frameMs)} ms of which training ${fmt(x.trainMs)} ms; epoch ${x.epoch}`);
  line('batch 1, 1 epoch a frame', h.slow);
  line('batch 1, as fast as possible', h.fast);
  line('batch 1, every See inside view open, 1 epoch a frame', h.withViews);
  line('batch 2500 (the training set), as fast as possible', h.bigBatch);
  line('compat=tf (its loop: 8 x 64, 500 points), batch 2500, as fast as possible', h.tf);
  console.log(`bench-page: heavy link, Space to stop (as fast as possible): the last training ` +
              `${fmt(Math.max(0, h.stop.stopMs), 0)} ms after the key${h.stop.stopped ? '' : ' (still training after 30 s)'}`);
  const { full, losses } = h.measured;
  console.log(`bench-page: default network as fast as possible, every epoch measured in full: ` +
              `${Math.round(full.epochsPerSecond)} epochs/s; losses only (the page's way): ` +
              `${Math.round(losses.epochsPerSecond)} epochs/s ` +
              `(${full.epochsPerSecond > 0 ? fmt(losses.epochsPerSecond / full.epochsPerSecond, 2) : '?'}x)`);
}

// Issue 13, training in slices: the heaviest link the issue names, playing (an epoch spans many
// frames), at the default speed and as fast as possible, with every view open, and with its
// training set in one batch (a batch spans frames); and the default network as fast as
// possible with every epoch measured in full and with its losses only (1280x800). On a page of
// its own, loaded with the link: given to a page that trained before, the link's frames ran
// 0.8 s each.
async function measureHeavy({ context, url }) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url + '#' + HEAVY);
  await ready(page);
  await page.evaluate(() => { nnplay.setSpeed(0); nnplay.play(); });
  await page.waitForTimeout(BIG_MS);
  const slow = await page.evaluate(() => ({ ...nnplay.stats(), epoch: nnplay.metrics().epoch }));
  await page.evaluate(() => { nnplay.setSpeed(4); });
  await page.waitForTimeout(SETTLE_MS);
  const fast = await page.evaluate(() => ({ ...nnplay.stats(), epoch: nnplay.metrics().epoch }));
  // Space to stop, as fast as possible: from the key's arrival in the page to the last frame in
  // which the epoch still moved (every frame sampled until it has stood still for 10 frames).
  await page.mouse.move(5, 790);  // off the widgets, so Space goes to the page
  const watch = page.evaluate(() => new Promise((done) => {
    let pressed = NaN;
    let last = performance.now();
    let key = `${nnplay.metrics().epoch} ${nnplay.epochPosition()}`;
    let still = 0;
    const began = performance.now();  // a key that never arrives ends the wait too, after 60 s
    addEventListener('keydown', (e) => { if (e.code === 'Space') pressed = performance.now(); }, { capture: true, once: true });
    const sample = () => {
      const now = performance.now();
      const k = `${nnplay.metrics().epoch} ${nnplay.epochPosition()}`;
      if (k !== key) { key = k; last = now; still = 0; } else if (pressed <= now) ++still;
      if (still >= 10 || now - pressed > 30000 || now - began > 60000) done({ stopMs: last - pressed, stopped: still >= 10 });
      else requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }));
  await page.waitForTimeout(300);
  await page.keyboard.press('Space');
  const stop = await watch;
  const measured = {};
  for (const full of [true, false]) {
    await page.evaluate((f) => {
      nnplay.pause(); nnplay.setState(''); nnplay.setFullEpochMeasure(f); nnplay.setSpeed(4); nnplay.play();
    }, full);
    await page.waitForTimeout(SETTLE_MS);
    measured[full ? 'full' : 'losses'] = await page.evaluate(() => nnplay.stats());
  }
  await page.close();
  // The same link with every See inside view open (a view's work must fit the frame too: the
  // error surface's cells and the hidden space's points had taken it to 7–8 fps).
  const views = await context.newPage();
  await views.setViewportSize({ width: 1280, height: 800 });
  await views.goto(url + '#' + HEAVY + '&' + ALL_VIEWS);
  await ready(views);
  await views.evaluate(() => { nnplay.setSpeed(0); nnplay.play(); });
  await views.waitForTimeout(BIG_MS);
  const withViews = await views.evaluate(() => ({ ...nnplay.stats(), epoch: nnplay.metrics().epoch }));
  await views.close();
  // The same link with its 2,500 training points in one batch: eight members' passes over it
  // took one frame 270 ms (3.5 fps) until a batch was trained in pieces across frames.
  const big = await context.newPage();
  await big.setViewportSize({ width: 1280, height: 800 });
  await big.goto(url + '#' + HEAVY.replace('batchSize=1', 'batchSize=2500'));
  await ready(big);
  await big.evaluate(() => { nnplay.setSpeed(4); nnplay.play(); });
  await big.waitForTimeout(BIG_MS);
  const bigBatch = await big.evaluate(() => ({ ...nnplay.stats(), epoch: nnplay.metrics().epoch }));
  // compat=tf's own loop on the same link (it keeps 8 x 64 and 500 points): its examples and
  // its epoch's end in pieces (a whole epoch in a frame had held it at 10 fps).
  await big.evaluate((q) => { nnplay.pause(); nnplay.setState(q); nnplay.setSpeed(4); nnplay.play(); },
                     HEAVY.replace('batchSize=1', 'batchSize=2500') + '&compat=tf');
  await big.waitForTimeout(BIG_MS);
  const tf = await big.evaluate(() => ({ ...nnplay.stats(), epoch: nnplay.metrics().epoch }));
  await big.close();
  return { slow, fast, stop, measured, withViews, bigBatch, tf };
}

// See inside (issue 14): the default network at an epoch a frame with every view of the See
// inside panel closed, then open (their link keys; a key this build lacks is ignored), three
// times in turn so that a loaded machine's swings fall on both alike: the median fps of each
// and their ratio (the goal: at least 0.8), on measurePage's 1280x800 page.
async function measureViews(page) {
  const fps = async (query) => {
    await page.evaluate((q) => { nnplay.pause(); nnplay.setState(q); nnplay.setSpeed(0); nnplay.play(); }, query);
    await page.waitForTimeout(SETTLE_MS / 2);
    return (await frameFigures(page, SETTLE_MS)).fps;
  };
  const closed = [], open = [];
  for (let round = 0; round < 3; ++round) {
    closed.push(await fps(''));
    open.push(await fps(ALL_VIEWS));
  }
  await page.evaluate(() => nnplay.pause());
  const median = (a) => [...a].sort((x, y) => x - y)[1];
  console.log(`bench-page: default network, 1 epoch a frame, See inside views closed ${fmt(median(closed))} fps, ` +
              `all open ${fmt(median(open))} fps: ${fmt(median(open) / median(closed), 2)}x ` +
              `(three rounds: closed ${closed.map((f) => fmt(f)).join(', ')}; open ${open.map((f) => fmt(f)).join(', ')})`);
}

// The breakdown (NNPLAY_BENCH_PARTS=1): at 1280x800 and 1920x1080, the page training the default
// network with each part of its picture work left out (web/renderer.h's SpeedSkip bits), all of
// it, and widgets only, taken in turn and repeated, so that a loaded machine's swings fall on
// every part alike; the median fps of the repeats and what a part costs, in ms of a frame.
async function measureParts({ context, url }) {
  const parts = [[0, 'whole page'], [1, 'no output image'], [2, 'no points'], [4, 'no thumbnails drawn'],
                 [8 | 32, 'no thumbnails computed'], [16 | 64, 'no output grid computed'], [127, 'no pictures']];
  const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  for (const size of SIZES.slice(0, 2)) {
    const page = await newPage(context, size);
    await page.goto(url);
    await ready(page);
    await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); nnplay.play(); });
    await page.waitForTimeout(SETTLE_MS);
    const runs = new Map();
    for (let rep = 0; rep < 5; ++rep) {
      for (const [bits] of [...parts, ['widgets']]) {
        await page.evaluate((b) => { nnplay.setWidgetsOnly(b === 'widgets'); nnplay.setSpeedSkip(b === 'widgets' ? 0 : b); }, bits);
        await page.waitForTimeout(600);
        const f = await frameFigures(page, 1500);
        if (!runs.has(bits)) runs.set(bits, []);
        runs.get(bits).push(f);
      }
    }
    await page.close();
    const fps = (bits) => median(runs.get(bits).map((f) => f.fps));
    const work = (bits) => median(runs.get(bits).map((f) => f.workMedian));
    const whole = fps(0);
    console.log(`bench-page: parts at ${size.width}x${size.height} (median of 5): ` +
      [...parts, ['widgets', 'widgets only']].map(([bits, name]) => `${name} ${fmt(fps(bits))} fps, work ${fmt(work(bits))} ms` +
        (bits !== 0 && whole > 0 ? ` (${fmt(1000 / whole - 1000 / fps(bits))} ms)` : '')).join('; '));
  }
}
