#!/usr/bin/env node
// page.mjs: the page's speed figure (`make bench`, and printed by `make test-web` as information):
// fps and epochs/s while training at 1280×800 in headless Chromium (software WebGL), each fps
// also as a ratio to a bare WebGL 2 canvas of the same size measured in the same browser run.
// Usage: node scripts/bench/page.mjs   (NNPLAY_SITE=build/other times another build folder)
// Exits 1 only when the page cannot load; slow figures are figures, not failures.
import { launch, ready, VIEWPORT } from '../../tests/browser/harness.mjs';

// How long each figure is measured: the page's fps and epochs/s are averages over its last
// second or so, so a few seconds let a changed setting settle.
const SETTLE_MS = 3500;
const BIG_MS = 5000;
const BARE_MS = 3000;

const fmt = (x, digits = 1) => Number(x).toFixed(digits);

let browser;
try {
  browser = await launch();
} catch (e) {
  console.error(`bench-page: cannot start: ${e.message}`);
  process.exit(1);
}
// The page first, so its first frame is that of a freshly started browser (as the README's
// figures were measured); then the bare canvas in the same browser.
let figures;
try {
  figures = await measurePage(browser);
} catch (e) {
  console.error(`bench-page: the page did not load or run: ${e.message.split('\n')[0]}`);
  await browser.close();
  process.exit(1);
}
await measureViews(browser).catch((e) => console.log(`bench-page: views not measured: ${e.message.split('\n')[0]}`));
const bare = await measureBare(browser).catch(() => 0);
await browser.close();

const ratio = (fps) => (bare > 0 ? ` (${fmt(fps / bare, 2)} of the bare canvas)` : '');
const { d, s, b } = figures;
console.log(`bench-page: headless Chromium, software WebGL (SwiftShader), ${VIEWPORT.width}x${VIEWPORT.height}`);
console.log(`bench-page: bare WebGL 2 canvas, cleared each frame: ${bare > 0 ? fmt(bare) + ' fps' : 'not measured'}`);
console.log(`bench-page: default network, 1 epoch a frame: ${fmt(d.fps)} fps${ratio(d.fps)}; frame ` +
            `${fmt(d.frameMs)} ms, output ${d.outputRes}²; first frame ${Math.round(d.firstFrameMs)} ms ` +
            `after navigation`);
console.log(`bench-page: default network, as fast as possible: ${fmt(s.fps)} fps${ratio(s.fps)}, ` +
            `${Math.round(s.epochsPerSecond)} epochs/s; frame ${fmt(s.frameMs)} ms of which training ` +
            `${fmt(s.trainMs)} ms`);
console.log(`bench-page: 8 x 64 network: ${fmt(b.fps)} fps${ratio(b.fps)}, ${fmt(b.epochsPerSecond)} epochs/s; ` +
            `output ${b.outputRes}², pictures ${fmt(b.picturesMs, 0)} ms`);

// The default network at the default speed (an epoch a frame), then as fast as possible, then
// the largest network (which lowers its own pictures' detail to keep responding).
async function measurePage({ context, url }) {
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); nnplay.play(); });
  await page.waitForTimeout(SETTLE_MS);
  const d = await page.evaluate(() => nnplay.stats());
  await page.evaluate(() => { nnplay.setSpeed(4); });
  await page.waitForTimeout(SETTLE_MS);
  const s = await page.evaluate(() => nnplay.stats());
  await page.evaluate(() => { nnplay.pause(); nnplay.setSpeed(0); });
  await page.evaluate(() => { nnplay.setState('networkShape=64,64,64,64,64,64,64,64'); nnplay.play(); });
  await page.waitForTimeout(BIG_MS);
  const b = await page.evaluate(() => nnplay.stats());
  await page.close();
  return { d, s, b };
}

// Frames a second of a page that only clears a viewport-sized WebGL 2 canvas each frame: what
// this browser and machine give at best, so the page's figures can be read as a fraction of it.
// 0 when WebGL 2 is missing.
async function measureBare({ context }) {
  const page = await context.newPage();
  await page.setContent('<!doctype html><style>html, body { margin: 0; overflow: hidden; } ' +
                        'canvas { display: block; width: 100vw; height: 100vh; }</style><canvas></canvas>');
  const fps = await page.evaluate((ms) => new Promise((done) => {
    const canvas = document.querySelector('canvas');
    canvas.width = Math.round(innerWidth * devicePixelRatio);
    canvas.height = Math.round(innerHeight * devicePixelRatio);
    const gl = canvas.getContext('webgl2');
    if (!gl) { done(0); return; }
    // A second's warm-up (the first WebGL context and frames are slow), then count.
    let frames = 0, start = null;
    const warmUntil = performance.now() + 1000;
    function frame(now) {
      gl.clearColor((frames % 60) / 60, 0.5, 0.5, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      if (now >= warmUntil) {
        if (start === null) start = now;
        else frames++;
        if (now - start >= ms) { done(1000 * frames / (now - start)); return; }
      }
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  }), BARE_MS);
  await page.close();
  return fps;
}

// See inside (issue 14): the default network at an epoch a frame with every view of the See
// inside panel closed, then open (their link keys; a key this build lacks is ignored), as fps
// and their ratio (the goal: at least 0.8).
async function measureViews({ context, url }) {
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  const fps = async (query) => {
    await page.evaluate((q) => { nnplay.pause(); nnplay.setState(q); nnplay.setSpeed(0); nnplay.play(); }, query);
    await page.waitForTimeout(SETTLE_MS);
    return (await page.evaluate(() => nnplay.stats())).fps;
  };
  const closed = await fps('');
  const open = await fps('showBackprop=true&showGradients=true&showSurface=true&showHidden=true&showLrFinder=true');
  await page.close();
  console.log(`bench-page: default network, 1 epoch a frame, See inside views closed ${fmt(closed)} fps, ` +
              `all open ${fmt(open)} fps: ${fmt(open / closed, 2)}x`);
}
