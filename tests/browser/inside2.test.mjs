// inside2.test.mjs: the See inside views of the error surface, the hidden space and the
// learning-rate finder (issue 14, views 2, 3, 5): each opens from its link key, draws (pixels),
// follows training; the finder runs across frames, leaves the run alone and its rate is undoable.
// Screenshots: build/screenshots/surface.png, hidden.png, lrfinder.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openReady, pixelStats, root, metrics } from './harness.mjs';

useBrowser();

const shots = join(root, 'build', 'screenshots');
mkdirSync(shots, { recursive: true });
const views = (page) => page.evaluate(() => nnplay.insideViews());
const rectOf = (page, name) => page.evaluate((n) => nnplay.widgetRect(n), name);

// Screenshots the named drawing and checks it is a picture, not a flat fill.
async function drawn(page, name, file) {
  const r = await rectOf(page, name);
  assert.ok(r && r.w > 50 && r.h > 50, `${name}: ${JSON.stringify(r)}`);
  await page.screenshot({ path: join(shots, file) });
  const png = await page.screenshot({ clip: { x: r.x, y: r.y, width: r.w, height: r.h } });
  const stats = await pixelStats(page, png);
  assert.ok(stats.colours > 8 && stats.variance > 20, `${name}: ${JSON.stringify(stats)}`);
  return stats;
}

test('showSurface opens the panel at the error surface, built over frames, path and all', async () => {
  const { page, problems } = await openReady('#showSurface=true&seed=surface');
  await page.evaluate(() => nnplay.step(20));
  await page.waitForFunction(() => {
    const v = nnplay.insideViews();
    return v.surface.size > 0 && !v.surface.building && v.surface.cells === v.surface.size * v.surface.size &&
           v.surface.path >= 20;
  }, null, { timeout: 60000 });
  const v = await views(page);
  assert.equal(v.panel, true);
  assert.equal(v.surface.method, 'random');
  assert.ok(v.surface.lossMax > v.surface.lossMin, JSON.stringify(v.surface));
  await drawn(page, 'surfaceView', 'surface.png');
  assert.ok(problems.length === 0, problems.join('; '));
});

// Between refreshes (a new grid waits twice as long as the last took), the path and the white
// dot go on with training on the shown slice. With one unit on x1 and x2 the slice is exact:
// the dot is the two weights themselves.
test('the error surface follows training between its refreshes: the white dot is the weights now', async () => {
  const { page, problems } = await openReady('#showSurface=true&networkShape=&seed=follow');
  const complete = () => page.waitForFunction(() => {
    const s = nnplay.insideViews().surface;
    return s.size > 0 && !s.building && s.cells === s.size * s.size;
  }, null, { timeout: 60000 });
  await page.evaluate(() => nnplay.step(5));
  await complete();
  let lagged = 0;
  for (let k = 0; k < 6 && lagged < 2; ++k) {
    await complete();
    const epoch = await page.evaluate(() => { nnplay.step(7); return nnplay.metrics().epoch; });
    await page.waitForFunction((e) => nnplay.insideViews().surface.followed === e, epoch, { timeout: 10000 });
    const { s, params } = await page.evaluate(() => ({ s: nnplay.insideViews().surface, params: nnplay.params()[0] }));
    assert.equal(s.method, 'exact', JSON.stringify(s));
    const [wa, wb] = s.weights;
    for (const [got, want] of [[s.dot[0], params[wa]], [s.dot[1], params[wb]]])
      assert.ok(Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want)), `dot ${s.dot}, weights ${params[wa]}, ${params[wb]}`);
    if (s.centredOn < epoch) {  // shown before these epochs: the dot has left the centre
      ++lagged;
      assert.ok(Math.hypot(s.dot[0] - s.centre[0], s.dot[1] - s.centre[1]) > 1e-6, JSON.stringify(s));
    }
  }
  assert.ok(lagged >= 1, 'never read between two refreshes');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('showHidden draws the points and the warped grid of a hidden layer', async () => {
  const { page, problems } = await openReady('#showHidden=true&seed=hidden');
  await page.evaluate(() => nnplay.step(30));
  await page.waitForFunction(() => nnplay.insideViews().hidden.points > 0, null, { timeout: 30000 });
  const v = await views(page);
  assert.equal(v.panel, true);
  assert.equal(v.hidden.error, '');
  assert.equal(v.hidden.points, 250);
  assert.equal(v.hidden.lines, 22);
  assert.match(v.hidden.axisA, /layer 1, neuron 1/);
  await drawn(page, 'hiddenView', 'hidden.png');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('showLrFinder: the finder runs across frames on a copy, and "Use this rate" is undoable', async () => {
  const { page, problems } = await openReady('#showLrFinder=true&seed=finder');
  const before = await metrics(page);
  const run = await rectOf(page, 'lrFinderRun');
  assert.ok(run, 'the Find button is drawn');
  await page.mouse.click(run.x + run.w / 2, run.y + run.h / 2);
  await page.waitForFunction(() => nnplay.insideViews().lr.done, null, { timeout: 60000 });
  const v = await views(page);
  assert.equal(v.lr.error, '');
  assert.ok(v.lr.steps > 100, JSON.stringify(v.lr));
  assert.ok(v.lr.suggestion > 1e-5 && v.lr.suggestion < 10, JSON.stringify(v.lr));
  const after = await metrics(page);
  assert.equal(after.epoch, before.epoch);
  assert.equal(after.trainLoss, before.trainLoss);
  await drawn(page, 'lrFinderPlot', 'lrfinder.png');

  const use = await rectOf(page, 'lrFinderUse');
  await page.mouse.click(use.x + use.w / 2, use.y + use.h / 2);
  await page.waitForFunction((s) => Math.abs(nnplay.insideViews().learningRate - s) < 1e-6 * s,
                             v.lr.suggestion, { timeout: 10000 });
  assert.equal(await page.evaluate(() => nnplay.undo()), true);
  await page.waitForFunction(() => Math.abs(nnplay.insideViews().learningRate - 0.03) < 1e-7, null, { timeout: 10000 });
  assert.ok(problems.length === 0, problems.join('; '));
});
