// dropout.test.mjs: dropout on the page (issue 14, item 7): a link's `dropout` shows in its
// slider and under the hidden columns, the page trains with it, and once paused the units
// switched off for the last example are marked; dragging the slider changes the state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openReady, frames, metrics, root } from './harness.mjs';

useBrowser();

const dropout = (page) => page.evaluate(() => nnplay.dropout());

test('dropout from a link: shown on the slider and the columns, trains, marks the units off', async () => {
  const { page, problems } = await openReady('#networkShape=6,4&dropout=0.3&seed=drop');
  await page.waitForFunction(() => nnplay.widgetRect('dropout') && nnplay.widgetRect('dropoutLabel0'), null,
                             { timeout: 20000 });
  assert.equal((await dropout(page)).rate, 0.3);
  assert.ok(await page.evaluate(() => nnplay.widgetRect('dropoutLabel1')), 'no rate under the second column');

  await page.evaluate(() => nnplay.step(3));
  await page.waitForFunction(() => nnplay.metrics().epoch >= 3, null, { timeout: 60000 });
  const m = await metrics(page);
  assert.ok(Number.isFinite(m.trainLoss) && m.trainLoss < 0.7, JSON.stringify(m));
  const d = await dropout(page);
  assert.equal(d.dropped.length, 2);
  assert.ok(d.dropped.every((units) => units.every((i) => i >= 0 && i < 6)), JSON.stringify(d));
  await frames(page, 5);
  mkdirSync(join(root, 'build', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'build', 'screenshots', 'dropout.png') });

  // The slider (its rect holds the value text above the bar: aim 10 px above its bottom),
  // dragged past its left end: 0, and the link loses the key.
  const r = await page.evaluate(() => nnplay.widgetRect('dropout'));
  await page.mouse.move(r.x + 1, r.y + r.h - 10);  // held for frames: ImGui reads the mouse once a frame
  await frames(page, 3);
  await page.mouse.down();
  await frames(page, 3);
  await page.mouse.move(r.x - 20, r.y + r.h - 10);
  await frames(page, 3);
  await page.mouse.up();
  await frames(page, 5);
  await page.waitForFunction(() => nnplay.dropout().rate === 0, null, { timeout: 20000 });
  await page.waitForFunction(() => !decodeURIComponent(nnplay.getState()).includes('dropout='), null,
                             { timeout: 20000 });
  await frames(page, 3);
  assert.equal(await page.evaluate(() => nnplay.widgetRect('dropoutLabel0')), null);
  assert.ok(problems.length === 0, problems.join('; '));
});

// Session 8 (issue 14): layerDropout from a link sets each column's own slider; dragging one
// writes that layer alone into the link, and the dropout slider sets every layer again.
test('layerDropout: one slider per hidden column writes its layer; the dropout slider sets them all', async () => {
  const { page, problems } = await openReady('#networkShape=6,4&layerDropout=0.3,0.5&seed=drop');
  await page.waitForFunction(() => nnplay.widgetRect('layerDropout0') && nnplay.widgetRect('layerDropout1'), null,
                             { timeout: 20000 });
  assert.deepEqual((await dropout(page)).layers, [0.3, 0.5]);
  const label = await page.evaluate(() => nnplay.widgetRect('dropoutLabel1'));
  const r = await page.evaluate(() => nnplay.widgetRect('layerDropout1'));
  assert.ok(label && r.y >= label.y + label.h - 1, JSON.stringify({ label, r }));  // under the column's mark
  mkdirSync(join(root, 'build', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'build', 'screenshots', 'layer-dropout.png') });
  // The second column's slider dragged past its left end: that layer 0, the first unchanged.
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await frames(page, 3);
  await page.mouse.down();
  await frames(page, 3);
  await page.mouse.move(r.x - 40, r.y + r.h / 2);
  await frames(page, 3);
  await page.mouse.up();
  await page.waitForFunction(() => decodeURIComponent(nnplay.getState()).includes('layerDropout=0.3,0'), null,
                             { timeout: 20000 });
  assert.deepEqual((await dropout(page)).layers, [0.3, 0]);
  await frames(page, 3);
  assert.equal(await page.evaluate(() => nnplay.widgetRect('dropoutLabel1')), null, 'a rate under a layer at 0');
  assert.ok(await page.evaluate(() => nnplay.widgetRect('layerDropout1')), 'the layer at 0 lost its slider');
  // The dropout slider, clicked near its bar's right end (its value is written to the right of
  // the bar, in the rect's second half): every layer takes its rate, the list goes.
  const g = await page.evaluate(() => nnplay.widgetRect('dropout'));
  await page.mouse.move(g.x + g.w * 0.45, g.y + g.h / 2);
  await frames(page, 3);
  await page.mouse.down();
  await frames(page, 3);
  await page.mouse.up();
  await page.waitForFunction(() => !decodeURIComponent(nnplay.getState()).includes('layerDropout='), null,
                             { timeout: 20000 });
  const d = await dropout(page);
  assert.ok(d.rate > 0.5 && d.layers.every((p) => p === d.rate), JSON.stringify(d));
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a side panel narrows the network column: the dropout slider takes a row of its own, in view', async () => {
  for (const shape of ['3', '4,2', '4,4,4,2']) {
    const { page, problems } = await openReady(`#networkShape=${shape}&seed=drop`);
    const inView = () => page.evaluate(() => {
      const c = nnplay.controls().find((x) => x.name === 'dropout');
      return c ? c.visible : null;
    });
    // Closed, it sits beside the layer count (in view too); with Runs open it must move, not clip.
    await page.waitForFunction(() => nnplay.controls().some((x) => x.name === 'dropout'), null, { timeout: 20000 });
    assert.equal(await inView(), true, `networkShape=${shape}, no side panel`);
    const beside = await page.evaluate(() => nnplay.widgetRect('dropout'));
    await page.evaluate(() => nnplay.openRuns());
    await page.waitForFunction(() => nnplay.widgetRect('runsKeep') || nnplay.runs(), null, { timeout: 20000 });
    await frames(page, 5);
    assert.equal(await inView(), true, `networkShape=${shape}, Runs open: the dropout slider is clipped`);
    const below = await page.evaluate(() => nnplay.widgetRect('dropout'));
    assert.ok(below.y > beside.y, `networkShape=${shape}: ${JSON.stringify(beside)} then ${JSON.stringify(below)}`);
    const count = await page.evaluate(() => nnplay.widgetRect('layerCountLabel'));  // its own row, under the count's
    assert.ok(below.y >= count.y + count.h, `networkShape=${shape}: ${JSON.stringify(count)} and ${JSON.stringify(below)}`);
    assert.ok(problems.length === 0, problems.join('; '));
    await page.close();
  }
});
