// draw.test.mjs: drawing on the output plot happens only in draw mode, every drawn point is
// shown in the set it was drawn to, no other point moves, and undo / redo (keys, buttons, the
// test API) take back points, data sets and network changes. Each test opens its own page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, frames } from './harness.mjs';

useBrowser();

const rect = (page, name) => page.evaluate((n) => nnplay.widgetRect(n), name);
const points = (page) => page.evaluate(() => nnplay.points());
const state = (page) => page.evaluate(() => nnplay.getState());
const count = (p) => p.train.length + p.val.length + p.test.length;

async function click(page, name) {
  const r = await rect(page, name);
  assert.ok(r && r.w > 0, `no rect for ${name}`);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  return r;
}

// Clicks the plot at a CSS pixel and waits until the trainer has one point more (or less).
async function clickPlot(page, x, y, { button = 'left', expect = 1 } = {}) {
  const before = count(await points(page));
  await page.mouse.click(x, y, { button });
  await page.waitForFunction(([n, d]) => {
    const p = nnplay.points();
    return p.train.length + p.val.length + p.test.length === n + d;
  }, [before, expect], { timeout: 20000 });
}

// The largest colour change between two screenshots of the same clip within 3 px of (x, y).
async function changeAround(page, before, after, spots) {
  return page.evaluate(async ([a, b, spots]) => {
    const decode = async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = c.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      return { w: bitmap.width, d: g.getImageData(0, 0, bitmap.width, bitmap.height).data };
    };
    const A = await decode(a), B = await decode(b);
    return spots.map(([x, y]) => {
      let most = 0;
      for (let dy = -3; dy <= 3; dy++)
        for (let dx = -3; dx <= 3; dx++) {
          const i = ((Math.round(y) + dy) * A.w + Math.round(x) + dx) * 4;
          const diff = Math.abs(A.d[i] - B.d[i]) + Math.abs(A.d[i + 1] - B.d[i + 1]) + Math.abs(A.d[i + 2] - B.d[i + 2]);
          most = Math.max(most, diff);
        }
      return most;
    });
  }, [before.toString('base64'), after.toString('base64'), spots]);
}

// 16 spots on a 4×4 grid inside the plot (CSS pixels), away from its edges.
function spotsIn(r) {
  const spots = [];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++)
    spots.push([r.x + r.w * (0.2 + 0.2 * j), r.y + r.h * (0.2 + 0.2 * i)]);
  return spots;
}

test('16 clicks in draw mode add 16 visible training points; nothing else moves; undo and redo', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=draw&noise=10');
  const plot = await rect(page, 'plot');
  assert.ok(plot && plot.w > 100, `no plot: ${JSON.stringify(plot)}`);
  const original = await points(page);
  const originalState = await state(page);
  assert.equal(count(original), 500);
  assert.equal(original.undo, 0, 'an untouched page has nothing to undo');

  // Outside draw mode a click on the plot changes nothing.
  await page.mouse.click(plot.x + plot.w / 2, plot.y + plot.h / 2);
  await frames(page, 5);
  assert.deepEqual(await points(page), original);
  assert.equal(await state(page), originalState);

  await click(page, 'drawMode');
  await page.waitForFunction(() => nnplay.points().drawMode);
  await page.mouse.move(5, 5);
  await frames(page, 3);
  const clip = { x: plot.x, y: plot.y, width: plot.w, height: plot.h };
  const shotBefore = await page.screenshot({ clip });

  const spots = spotsIn(plot);
  for (const [x, y] of spots) {
    await clickPlot(page, x, y);
    // The first point makes the data set your own points, and the status line says so (for 8 s).
    if (x === spots[0][0] && y === spots[0][1]) assert.match(await page.evaluate(() => nnplay.status()), /own points/);
  }
  const drawn = await points(page);
  assert.equal(drawn.train.length, original.train.length + 16, 'every drawn point is a training point');
  assert.equal(drawn.shown, original.shown + 16, 'every drawn point is shown');
  // Every other point stays in its set, in its place.
  assert.deepEqual(drawn.train.slice(0, original.train.length), original.train);
  assert.deepEqual(drawn.val, original.val);
  assert.deepEqual(drawn.test, original.test);
  // The new points are where the clicks were, in the class chosen (class 2, blue, by default).
  drawn.train.slice(original.train.length).forEach(([x, y, label], i) => {
    const [sx, sy] = spots[i];
    assert.ok(Math.abs(x - ((sx - plot.x) / plot.w * 12 - 6)) < 0.05 &&
              Math.abs(y - (6 - (sy - plot.y) / plot.h * 12)) < 0.05, `point ${i} at ${x}, ${y}`);
    assert.equal(label, 1);
  });
  assert.ok((await state(page)).includes('dataset=custom'));

  // Pixels: a point is drawn at every click.
  await page.mouse.move(5, 5);
  await frames(page, 3);
  const shotAfter = await page.screenshot({ clip });
  const changes = await changeAround(page, shotBefore, shotAfter,
                                     spots.map(([x, y]) => [x - plot.x, y - plot.y]));
  changes.forEach((c, i) => assert.ok(c > 80, `no point drawn at click ${i} (colour change ${c})`));

  // Undo ×16: the original points and data set; redo ×16: the drawn ones again.
  for (let i = 0; i < 16; i++) assert.ok(await page.evaluate(() => nnplay.undo()), `undo ${i + 1}`);
  assert.equal(await page.evaluate(() => nnplay.undo()), false, 'nothing more to undo');
  const undone = await points(page);
  assert.deepEqual([undone.train, undone.val, undone.test], [original.train, original.val, original.test]);
  assert.equal(await state(page), originalState);
  for (let i = 0; i < 16; i++) assert.ok(await page.evaluate(() => nnplay.redo()), `redo ${i + 1}`);
  const redone = await points(page);
  assert.deepEqual([redone.train, redone.val, redone.test], [drawn.train, drawn.val, drawn.test]);

  // A right-click removes the nearest point; only it goes.
  const [rx, ry] = spots[5];
  await clickPlot(page, rx, ry, { button: 'right', expect: -1 });
  const fewer = await points(page);
  assert.deepEqual(fewer.train, drawn.train.filter((_, i) => i !== original.train.length + 5));
  assert.deepEqual(fewer.test, drawn.test);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a point drawn to the test set shows at once', async () => {
  const { page, problems } = await openReady('#dataset=xor&seed=drawtest');
  const before = await points(page);
  assert.ok(!(await state(page)).includes('showTestData=true'));
  await click(page, 'drawMode');
  await page.waitForFunction(() => nnplay.points().drawMode);
  await frames(page, 2);
  await click(page, 'drawToTest');
  await frames(page, 2);
  const plot = await rect(page, 'plot');
  await clickPlot(page, plot.x + plot.w * 0.3, plot.y + plot.h * 0.7);
  const after = await points(page);
  assert.equal(after.test.length, before.test.length + 1);
  assert.deepEqual(after.train, before.train);
  assert.deepEqual(after.test.slice(0, before.test.length), before.test);
  assert.ok((await state(page)).includes('showTestData=true'), 'test data are shown');
  assert.equal(after.shown, count(after));
  assert.ok(problems.length === 0, problems.join('; '));
});

test('Ctrl+Z undoes a network change with its trained weights; Ctrl+Shift+Z and Ctrl+Y redo', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=undo&networkShape=3');
  await page.evaluate(() => nnplay.step(25));
  const trained = await page.evaluate(() => [nnplay.metrics().epoch, nnplay.predict([[1, 2], [-3, 0.5]])]);
  assert.equal(trained[0], 25);
  await click(page, 'addLayer');
  await page.waitForFunction(() => /networkShape=3,/.test(nnplay.getState()));
  const changed = await state(page);
  await page.mouse.move(5, 5);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => /networkShape=3&/.test(nnplay.getState()));
  const back = await page.evaluate(() => [nnplay.metrics().epoch, nnplay.predict([[1, 2], [-3, 0.5]])]);
  assert.deepEqual(back, trained, 'the network and its weights are back');
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction((s) => nnplay.getState() === s, changed);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => /networkShape=3&/.test(nnplay.getState()));
  await page.keyboard.press('Control+y');
  await page.waitForFunction((s) => nnplay.getState() === s, changed);
  // The buttons do the same.
  await click(page, 'undo');
  await page.waitForFunction(() => /networkShape=3&/.test(nnplay.getState()));
  await click(page, 'redo');
  await page.waitForFunction((s) => nnplay.getState() === s, changed);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a slider dragged over many frames is one undo step', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=drag&noise=0');
  const r = await rect(page, 'noise');
  assert.ok(r && r.w > 0, 'no rect for noise');
  await page.mouse.move(r.x + 4, r.y + r.h / 2);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) {
    await page.mouse.move(r.x + 4 + i * (r.w - 8) / 12, r.y + r.h / 2);
    await frames(page, 2);
  }
  await page.mouse.up();
  await page.waitForFunction(() => !/noise=0&/.test(nnplay.getState()));
  await frames(page, 3);
  assert.equal((await points(page)).undo, 1, 'one step for the whole drag');
  assert.ok(await page.evaluate(() => nnplay.undo()));
  assert.match(await state(page), /noise=0&/);
  assert.ok(problems.length === 0, problems.join('; '));
});
