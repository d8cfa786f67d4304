// colour.test.mjs: the page's colours as people see them (web/palette.h): class colours apart
// under simulated dichromacy and contrast, computed here in JavaScript from the test API's
// colours (a second implementation beside tests/test_palette.cpp); the theme follows the
// browser; multi-class output neurons and data set previews show the right colours; the loss
// chart keeps every epoch at the fastest speed. The last three tests take turns on one page
// (openShared); the theme tests have their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, openShared, frames } from './harness.mjs';

useBrowser();

// ---- Colour science, from the published formulas -------------------------------------------
const MACHADO = {  // Machado, Oliveira and Fernandes (2009), severity 1.0, linear RGB
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};
const rgbOf = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toLinear = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
function labOf(hex, vision) {
  let l = rgbOf(hex).map(toLinear);
  const m = MACHADO[vision];
  if (m) l = m.map((row) => Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2])));
  const X = 0.4124564 * l[0] + 0.3575761 * l[1] + 0.1804375 * l[2];
  const Y = 0.2126729 * l[0] + 0.7151522 * l[1] + 0.0721750 * l[2];
  const Z = 0.0193339 * l[0] + 0.1191920 * l[1] + 0.9503041 * l[2];
  const d = 6 / 29, f = (t) => (t > d ** 3 ? Math.cbrt(t) : t / (3 * d * d) + 4 / 29);
  const fx = f(X / 0.95047), fy = f(Y), fz = f(Z / 1.08883);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const rad = (deg) => (deg * Math.PI) / 180;
function ciede2000([L1, a1, b1], [L2, a2, b2]) {
  const Cb = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cb ** 7 / (Cb ** 7 + 25 ** 7)));
  const A1 = (1 + G) * a1, A2 = (1 + G) * a2;
  const C1 = Math.hypot(A1, b1), C2 = Math.hypot(A2, b2);
  const hue = (b, a) => (a === 0 && b === 0 ? 0 : ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360);
  const h1 = hue(b1, A1), h2 = hue(b2, A2);
  let dh = C1 * C2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360; else if (dh < -180) dh += 360;
  const dL = L2 - L1, dC = C2 - C1, dH = 2 * Math.sqrt(C1 * C2) * Math.sin(rad(dh / 2));
  const Lb = (L1 + L2) / 2, Cp = (C1 + C2) / 2;
  let hb = h1 + h2;
  if (C1 * C2 !== 0) hb = Math.abs(h1 - h2) <= 180 ? hb / 2 : (hb < 360 ? (hb + 360) / 2 : (hb - 360) / 2);
  const T = 1 - 0.17 * Math.cos(rad(hb - 30)) + 0.24 * Math.cos(rad(2 * hb)) + 0.32 * Math.cos(rad(3 * hb + 6)) -
            0.20 * Math.cos(rad(4 * hb - 63));
  const RT = -Math.sin(rad(60 * Math.exp(-(((hb - 275) / 25) ** 2)))) * 2 * Math.sqrt(Cp ** 7 / (Cp ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lb - 50) ** 2) / Math.sqrt(20 + (Lb - 50) ** 2), SC = 1 + 0.045 * Cp, SH = 1 + 0.015 * Cp * T;
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}
const luminance = (hex) => { const l = rgbOf(hex).map(toLinear); return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
const contrast = (x, y) => { const a = luminance(x), b = luminance(y); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
const near = (x, y, tolerance = 3) => rgbOf(x).every((v, i) => Math.abs(v - rgbOf(y)[i]) <= tolerance);

test('the JavaScript CIEDE2000 gives Sharma, Wu and Dalal\'s values', () => {
  assert.ok(Math.abs(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485]) - 2.0425) < 1e-4);
  assert.ok(Math.abs(ciede2000([50, 2.49, -0.001], [50, -2.49, 0.0009]) - 7.1792) < 1e-4);
  assert.ok(Math.abs(ciede2000([50, 2.5, 0], [73, 25, -18]) - 27.1492) < 1e-4);
});

test('class colours stay ≥ 10 apart (CIEDE2000) under every simulation; text and lines meet WCAG', async () => {
  const { page, problems } = await openReady();
  for (const dark of [false, true]) {
    await page.evaluate((d) => nnplay.setTheme(d), dark);
    const p = await page.evaluate(() => nnplay.palette());
    assert.equal(p.theme, dark ? 'dark' : 'light');
    assert.equal(p.classes.length, 6);
    assert.equal(p.classes[0], '#f59322');  // TensorFlow Playground's orange and blue
    assert.equal(p.classes[1], '#0877bd');
    for (const vision of ['normal', 'protanopia', 'deuteranopia', 'tritanopia']) {
      let worst = Infinity;
      for (let i = 0; i < 6; i++)
        for (let j = i + 1; j < 6; j++)
          worst = Math.min(worst, ciede2000(labOf(p.classes[i], vision), labOf(p.classes[j], vision)));
      assert.ok(worst >= 10, `${vision}: two classes only ${worst.toFixed(2)} apart`);
      assert.ok(Math.abs(worst - p.minDeltaE[vision]) < 0.01, `${vision}: page says ${p.minDeltaE[vision]}, JS ${worst}`);
    }
    assert.ok(p.contrast.length > 20);
    for (const c of p.contrast) {
      const ratio = contrast(c.fg, c.bg);
      assert.ok(ratio >= c.minimum, `${p.theme}: ${c.what} ${c.fg} on ${c.bg} is ${ratio.toFixed(2)}:1 < ${c.minimum}`);
    }
  }
  assert.ok(problems.length === 0, problems.join('; '));
});

test('the theme follows prefers-color-scheme, and the button switches it', async () => {
  const { page, problems } = await openReady('', (p) => p.emulateMedia({ colorScheme: 'dark' }));
  assert.equal((await page.evaluate(() => nnplay.palette())).theme, 'dark');
  const r = await page.evaluate(() => nnplay.widgetRect('theme'));
  assert.ok(r && r.w > 0, 'no theme button');
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => nnplay.palette().theme === 'light', null, { timeout: 30000 });
  const light = await openReady('', (p) => p.emulateMedia({ colorScheme: 'light' }));
  assert.equal((await light.page.evaluate(() => nnplay.palette())).theme, 'light');
  assert.ok(problems.length === 0 && light.problems.length === 0, problems.concat(light.problems).join('; '));
});

test('a 4-class output neuron is drawn in its own class colour', async () => {
  const { page, problems } = await openShared('#dataset=blobs&classes=4&networkShape=6&seed=0.5&discretize=true');
  await page.evaluate(() => nnplay.step(300));
  const p = await page.evaluate(() => nnplay.palette());
  // Points where the network is sure of each class, from its own predictions.
  const grid = [];
  for (let i = 0; i <= 12; i++) for (let j = 0; j <= 12; j++) grid.push([-5.5 + (11 * j) / 12, -5.5 + (11 * i) / 12]);
  const out = await page.evaluate((g) => nnplay.predict(g), grid);
  const drawn = (await page.evaluate(() => nnplay.stats())).framesDrawn;
  await page.waitForFunction((n) => nnplay.stats().framesDrawn > n + 2, drawn, { timeout: 60000 });
  for (let k = 0; k < 4; k++) {
    const sure = grid.filter((_, n) => out[n][k] > 0.95);
    const unlikely = grid.filter((_, n) => out[n][k] < 0.02);
    assert.ok(sure.length > 0 && unlikely.length > 0, `class ${k + 1}: no sure or unlikely point`);
    const [x, y] = sure[Math.floor(sure.length / 2)];
    const inside = await page.evaluate(([k, x, y]) => nnplay.neuronPixel(1, k, x, y), [k, x, y]);
    assert.ok(near(inside, p.classes[k]), `neuron ${k + 1} at (${x}, ${y}): ${inside}, class colour ${p.classes[k]}`);
    const [u, v] = unlikely[Math.floor(unlikely.length / 2)];
    const outside = await page.evaluate(([k, x, y]) => nnplay.neuronPixel(1, k, x, y), [k, u, v]);
    assert.ok(near(outside, p.neutral), `neuron ${k + 1} at (${u}, ${v}): ${outside}, neutral ${p.neutral}`);
  }
  assert.ok(problems.length === 0, problems.join('; '));
});

test('the spiral and rings previews show the class count chosen', async () => {
  const { page, problems } = await openShared('#dataset=spiral&classes=2');
  const p = await page.evaluate(() => nnplay.palette());
  const SPIRAL = 3, RINGS = 7;  // engine/state.h's Dataset order
  for (const classes of [2, 5]) {
    await page.evaluate((k) => nnplay.setState(`dataset=spiral&classes=${k}`), classes);
    await frames(page, 3);
    for (const d of [SPIRAL, RINGS]) {
      const colours = (await page.evaluate((d) => nnplay.previewColours(d), d)).sort();
      assert.deepEqual(colours, p.classes.slice(0, classes).sort(), `preview ${d} with ${classes} classes`);
    }
  }
  assert.ok(problems.length === 0, problems.join('; '));
});

test('the loss chart keeps every epoch at the fastest speed, and only the curves that exist', async () => {
  const { page, problems } = await openShared('#dataset=circle');
  await page.evaluate(() => { nnplay.setSpeed(4); nnplay.play(); });
  await page.waitForFunction(() => nnplay.metrics().epoch >= 500, null, { timeout: 300000, polling: 200 });
  await page.evaluate(() => nnplay.pause());
  const epoch = (await page.evaluate(() => nnplay.metrics())).epoch;
  const c = await page.evaluate(() => nnplay.chart());
  assert.equal(c.firstEpoch, 0);
  assert.equal(c.lastEpoch, epoch);
  assert.ok(c.samples >= 500, `${c.samples} samples for ${epoch} epochs`);
  assert.equal(c.samples, epoch + 1, 'an epoch is missing');
  assert.equal(c.gaps, 0);
  assert.equal(c.series.train.present, true);
  assert.equal(c.series.test.present, true);
  assert.equal(c.series.validation.present, false, 'no validation split, yet a validation curve');
  const m = await page.evaluate(() => nnplay.metrics());
  assert.ok(Math.abs(c.series.train.last - m.trainLoss) < 1e-6, `chart ${c.series.train.last}, metrics ${m.trainLoss}`);

  // Past 1,024 buckets neighbours merge: a bucket covers 2ⁿ epochs, and still none is missing.
  await page.evaluate(() => nnplay.step(2600));
  const long = await page.evaluate(() => nnplay.chart());
  const last = (await page.evaluate(() => nnplay.metrics())).epoch;
  assert.ok(long.buckets <= 1024 && long.bucketEpochs >= 4, JSON.stringify(long));
  assert.equal(long.samples, last + 1);
  assert.equal(long.gaps, 0);
  assert.equal(long.lastEpoch, last);

  // With a validation split, its curve appears.
  await page.evaluate(() => { nnplay.setState('dataset=circle&percValData=20'); nnplay.step(20); });
  const v = await page.evaluate(() => nnplay.chart());
  assert.equal(v.series.validation.present, true);
  assert.equal(v.samples, 21);
  assert.ok(problems.length === 0, problems.join('; '));
});
