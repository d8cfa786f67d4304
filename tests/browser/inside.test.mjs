// inside.test.mjs: the See inside panel's Backprop and Gradient flow sections (task E): each
// opens from a link, steps or charts with the engine's numbers, and draws them (pixels); a
// training point is picked by clicking it on the output plot. The screenshots go to
// build/screenshots/backprop.png, backprop-pick.png and gradients.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openReady, frames, root } from './harness.mjs';

useBrowser();

const rect = (page, name) => page.evaluate((n) => nnplay.widgetRect(n), name);
const backprop = (page, index, stage, check) =>
  page.evaluate(({ index, stage, check }) => nnplay.backprop(index, stage, check), { index, stage, check });
const shots = join(root, 'build', 'screenshots');
mkdirSync(shots, { recursive: true });
const clipOf = (r) => ({ x: r.x, y: r.y, width: r.w, height: r.h });
// How many bytes differ between two same-sized screenshots (PNG bytes: enough to tell "same").
const differs = (a, b) => a.length !== b.length || !a.equals(b);

test('showBackprop=true opens the section; stepping a point gives the chain rule with numbers and draws it', async () => {
  const { page, problems } = await openReady('#showBackprop=true&networkShape=3,2&regularization=L2&regularizationRate=0.01');
  await page.evaluate(() => nnplay.step(5));
  await frames(page, 3);
  assert.ok(await rect(page, 'backpropHeader'), 'the Backprop section is not drawn');
  assert.ok(await rect(page, 'backpropNextPoint'), 'the section is not open');
  const view = await rect(page, 'networkView');
  await page.evaluate(() => nnplay.play());
  let b = await backprop(page, 3, 1, true);  // point 3, forward, check with numbers
  assert.equal(b.paused, true, 'the run goes on while stepping');
  await backprop(page, -1, 0, -1);  // no stage: the view as always
  await frames(page, 3);
  const before = await page.screenshot({ clip: clipOf(view) });
  b = await backprop(page, -1, 1, -1);
  assert.equal(b.point, 3);
  assert.equal(b.error, '');
  assert.equal(b.step.layers.length, 3);
  for (const layer of b.step.layers)
    for (const p of layer.weights.concat(layer.biases))
      assert.ok(Math.abs(p.grad - p.numeric) <= 1e-6 * Math.max(Math.abs(p.grad), Math.abs(p.numeric)) + 1e-9,
                JSON.stringify(p));
  // The point's own numbers: its coordinates are a training point's.
  const pts = await page.evaluate(() => nnplay.points());
  assert.deepEqual([b.step.x, b.step.y].map((v) => Math.fround(v)), pts.train[3].slice(0, 2).map((v) => Math.fround(v)));
  await frames(page, 3);
  const forward = await page.screenshot({ clip: clipOf(view) });
  assert.ok(differs(before, forward), 'forward draws no numbers beside the neurons');

  b = await backprop(page, -1, 3, -1);  // backward: links by gradient
  await frames(page, 3);
  const backward = await page.screenshot({ clip: clipOf(view) });
  assert.ok(differs(forward, backward), 'backward changes nothing in the network view');
  await page.screenshot({ path: join(shots, 'backprop.png') });

  b = await backprop(page, -1, 4, -1);  // update, then apply it
  await frames(page, 3);  // the rects are those of the last frame drawn
  assert.ok(await rect(page, 'backpropApply'), 'no Apply button at the update');
  const w0 = b.step.layers[0].weights[0];
  assert.notEqual(w0.after, w0.value);
  assert.equal(await page.evaluate(() => nnplay.backpropApply()), true);
  const applied = await backprop(page, -1, -1, -1);
  assert.equal(applied.applied, 1);
  assert.equal(applied.step.layers[0].weights[0].value, w0.after, 'the step was not applied');
  // Undo puts the weights back.
  assert.equal(await page.evaluate(() => nnplay.undo()), true);
  const undone = await backprop(page, -1, 1, -1);
  assert.equal(undone.step.layers[0].weights[0].value, w0.value, 'undo did not take the step back');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('showGradients=true: a 6x8 sigmoid network charts its first layer far below its last', async () => {
  const { page, problems } = await openReady('#showGradients=true&networkShape=8,8,8,8,8,8&activation=sigmoid');
  for (let i = 0; i < 4; i++) {
    await page.evaluate(() => nnplay.step(5));
    await frames(page, 2);
  }
  await page.waitForFunction(() => nnplay.gradients().epochs.length >= 3, null, { timeout: 30000 });
  const g = await page.evaluate(() => nnplay.gradients());
  assert.equal(g.open, true);
  assert.equal(g.layers, 7);
  const last = g.hi.length - 1;
  assert.ok(g.hi[last][0] < 1e-2 * g.hi[last][6], `first ${g.hi[last][0]}, last ${g.hi[last][6]}`);
  const chart = await rect(page, 'gradientChart');
  assert.ok(chart && chart.w > 100 && chart.h > 50, JSON.stringify(chart));
  const png = await page.screenshot({ clip: clipOf(chart) });
  // Lines of several colours over the chart's light background.
  const colours = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const d = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) coloured++;
    return coloured;
  }, png.toString('base64'));
  assert.ok(colours > 100, `only ${colours} coloured pixels in the chart`);
  const panel = await rect(page, 'gradientsHeader');
  await page.screenshot({ path: join(shots, 'gradients.png') });
  assert.ok(panel);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('with the Backprop section open, clicking a training point on the plot picks it and rings it', async () => {
  const { page, problems } = await openReady('#showBackprop=true&networkShape=3&seed=pick');
  await page.waitForFunction(() => nnplay.widgetRect('backpropNextPoint') && nnplay.plotPoint(0));
  assert.equal((await backprop(page, -1, -1, -1)).point, -1);
  const plot = await rect(page, 'plot');
  const all = await page.evaluate(() => {
    const out = [];
    for (let i = 0; i < nnplay.points().train.length; i++) out.push(nnplay.plotPoint(i));
    return out;
  });
  assert.ok(all.length > 50 && all.every((p) => p && p.x >= plot.x && p.x <= plot.x + plot.w), 'points off the plot');
  // A point with no other within 6 px, so the click is unambiguous.
  const far = (p, q) => Math.hypot(p.x - q.x, p.y - q.y) > 6;
  const index = all.findIndex((p, i) => i >= 7 && all.every((q, k) => k === i || far(p, q)));
  assert.ok(index >= 0);
  const at = all[index];
  const around = { x: at.x - 14, y: at.y - 14, width: 28, height: 28 };
  const before = await page.screenshot({ clip: around });
  await page.mouse.click(at.x + 1, at.y);  // a pixel off: near enough
  await page.waitForFunction((i) => nnplay.backprop(-1, -1, -1).point === i, index);
  const b = await backprop(page, -1, -1, -1);
  assert.equal(b.stage, 1, 'picking a point starts at Forward');
  const pts = await page.evaluate(() => nnplay.points());
  assert.deepEqual([b.step.x, b.step.y].map(Math.fround), pts.train[index].slice(0, 2).map(Math.fround));
  await frames(page, 3);
  const after = await page.screenshot({ clip: around });
  assert.ok(differs(before, after), 'the picked point is not ringed');
  await page.screenshot({ path: join(shots, 'backprop-pick.png') });
  // A click far from every point keeps the pick.
  let empty = null;
  for (let y = plot.y + 30; y < plot.y + plot.h - 10 && !empty; y += 7)
    for (let x = plot.x + 10; x < plot.x + plot.w - 60 && !empty; x += 7)
      if (all.every((q) => Math.hypot(q.x - x, q.y - y) > 30)) empty = { x, y };
  if (empty) {
    await page.mouse.click(empty.x, empty.y);
    await frames(page, 3);
    assert.equal((await backprop(page, -1, -1, -1)).point, index, 'a click on no point changed the pick');
  }
  assert.ok(problems.length === 0, problems.join('; '));
});

// Session 12: on a phone's narrow network view the step's numbers ran into each other and over
// the dropout row ("dL/dz -0.094 dL/dz -0.20 dL/dz -0.462" read as one line): shorter where the
// columns are close, over the neuron's top where the gap above is small.
test('on a phone the backprop step\'s numbers on the neurons do not overlap', async () => {
  const { page, problems } = await openReady('#showBackprop=true&networkShape=4,2&seed=ph',
                                             (p) => p.setViewportSize({ width: 390, height: 844 }));
  await page.waitForFunction(() => nnplay.widgetRect('tabNetwork'));
  const tab = await rect(page, 'tabNetwork');
  await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await page.waitForFunction(() => nnplay.widgetRect('dropout'));
  const dropout = await rect(page, 'dropout');  // the header's last row
  for (const stage of [1, 3]) {  // Forward (z and a, two lines), Backward (dL/dz)
    await backprop(page, 0, stage, 0);
    await frames(page, 4);
    const labels = (await page.evaluate(() => nnplay.networkView())).stepLabels;
    assert.equal(labels.length, 4 + 2 + 1, `stage ${stage}: ${JSON.stringify(labels)}`);
    for (let i = 0; i < labels.length; i++) {
      const a = labels[i];
      assert.ok(a.y >= dropout.y + dropout.h, `stage ${stage}: a label over the header rows: ${JSON.stringify(a)}`);
      for (let k = i + 1; k < labels.length; k++) {
        const b = labels[k];
        const apart = a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5;
        assert.ok(apart, `stage ${stage}: labels overlap: ${JSON.stringify(a)} ${JSON.stringify(b)}`);
      }
    }
  }
  await page.screenshot({ path: join(shots, 'backprop-phone.png') });
  assert.ok(problems.length === 0, problems.join('; '));
});
