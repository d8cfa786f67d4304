// polish.test.mjs: what is left of the page for everyone (issue 12): a wheel notch over the
// network view scrolls one row of neurons; the output plot zooms with its buttons and with a
// two-finger pinch, and pans by dragging; the UI zoom survives a reload; the network view's
// neuron pictures are those of the ensemble member it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, ready, frames } from './harness.mjs';

useBrowser();

const rect = (page, name) => page.evaluate((n) => nnplay.widgetRect(n), name);
const view = (page) => page.evaluate(() => nnplay.polishView());
const click = (page, r) => page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
const near = (a, b, eps = 1e-3) => Math.abs(a - b) <= eps;

test('one wheel notch over the 8×64 network view scrolls one row of neurons, the right way', async () => {
  const { page, problems } = await openReady('#networkShape=64,64,64,64,64,64,64,64');
  const before = await rect(page, 'addLayer');  // the view's header scrolls with it
  const { netRow, dpr } = await view(page);
  const row = netRow / dpr;  // CSS pixels
  assert.ok(row > 0, `no row height: ${netRow}`);
  const data = await rect(page, 'regenerate'), plot = await rect(page, 'plot');
  await page.mouse.move((data.x + data.w + plot.x) / 2, before.y + 300);
  await frames(page, 2);
  await page.mouse.wheel(0, 100);  // one notch down
  await page.waitForFunction((y) => nnplay.widgetRect('addLayer').y !== y, before.y, { timeout: 10000 })
    .catch(() => {});
  await frames(page, 2);
  const moved = before.y - (await rect(page, 'addLayer')).y;  // down: the content moves up
  console.log(`one wheel notch: ${moved.toFixed(1)} CSS px; a row of neurons: ${row.toFixed(1)} CSS px`);
  assert.ok(Math.abs(moved - row) <= 0.25 * row, `one notch moved ${moved} px, a row is ${row} px`);
  await page.mouse.wheel(0, -100);  // and back up
  await page.waitForFunction((y) => nnplay.widgetRect('addLayer').y === y, before.y, { timeout: 10000 })
    .catch(() => {});
  assert.equal((await rect(page, 'addLayer')).y, before.y, 'a notch up did not scroll back');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('the plot zooms with +, - and reset, a drag pans it, and the region stays in the plane', async () => {
  const { page, problems } = await openReady('#seed=zoom');
  await page.waitForFunction(() => nnplay.widgetRect('plotZoomIn'), null, { timeout: 20000 });
  for (const name of ['plotZoomIn', 'plotZoomOut', 'plotZoomReset']) {
    const r = await rect(page, name);
    assert.ok(r.w >= 24 && r.h >= 24, `${name} is ${r.w}×${r.h} CSS px`);
  }
  assert.deepEqual((await view(page)).plotRegion, [-6, 6, -6, 6]);
  assert.ok((await rect(page, 'plotZoomOut')).disabled, '"-" is enabled showing the whole plane');
  const shot = async () => {
    const r = await rect(page, 'plot');
    return page.screenshot({ clip: { x: r.x, y: r.y, width: r.w, height: r.h } });
  };
  const whole = await shot();
  await click(page, await rect(page, 'plotZoomIn'));
  await page.waitForFunction(() => nnplay.polishView().plotZoom > 1, null, { timeout: 10000 }).catch(() => {});
  await click(page, await rect(page, 'plotZoomIn'));
  await page.waitForFunction(() => nnplay.polishView().plotZoom > 2, null, { timeout: 10000 }).catch(() => {});
  let v = await view(page);
  assert.ok(near(v.plotZoom, 2.25), `zoom ${v.plotZoom} after two presses of +`);
  const [x0, x1, y0, y1] = v.plotRegion;
  assert.ok(near(x1 - x0, 12 / 2.25) && near(y1 - y0, 12 / 2.25) && near(x0 + x1, 0), JSON.stringify(v));
  await frames(page, 3);
  assert.ok(!(await shot()).equals(whole), 'the plot looks the same zoomed in');
  // A drag to the right shows more of the plane's left.
  const plot = await rect(page, 'plot');
  await page.mouse.move(plot.x + plot.w / 2, plot.y + plot.h / 2);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) {
    await page.mouse.move(plot.x + plot.w / 2 + 20 * i, plot.y + plot.h / 2);
    await frames(page, 1);
  }
  await page.mouse.up();
  await frames(page, 2);
  v = await view(page);
  assert.ok(v.plotRegion[0] < x0 - 0.1, `a drag right moved the region from x0 ${x0} to ${v.plotRegion[0]}`);
  assert.ok(v.plotRegion[0] >= -6 - 1e-3, `the region left the plane: ${v.plotRegion}`);
  await click(page, await rect(page, 'plotZoomReset'));
  await page.waitForFunction(() => nnplay.polishView().plotZoom === 1, null, { timeout: 10000 }).catch(() => {});
  assert.deepEqual((await view(page)).plotRegion, [-6, 6, -6, 6]);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a two-finger pinch on the plot zooms it', async () => {
  const { page, problems } = await openReady('#seed=pinch');
  const plot = await rect(page, 'plot');
  const cx = plot.x + plot.w / 2, cy = plot.y + plot.h / 2;
  const cdp = await page.context().newCDPSession(page);
  const fingers = (d) => [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
  await frames(page, 2);
  for (let d = 30; d <= 80; d += 10) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
    await frames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
  const v = await view(page);
  console.log(`fingers 40 → 160 px apart: plot zoom ${v.plotZoom.toFixed(2)}`);
  assert.ok(v.plotZoom > 3 && v.plotZoom < 5, `a pinch from 40 to 160 px gave zoom ${v.plotZoom}`);
  assert.equal((await page.evaluate(() => nnplay.metrics())).epoch, 0, 'the pinch clicked something');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('the UI zoom chosen survives a reload', async () => {
  const { page, problems } = await openReady();
  try {
    assert.equal((await view(page)).uiZoom, 1);
    const zoom = await rect(page, 'zoom');
    await click(page, zoom);
    await page.waitForFunction(() => nnplay.openPopups() > 0, null, { timeout: 10000 });
    // The list opens under the combo, one line of text per percentage: the last ones are the
    // largest (whichever is hit, it must differ from 100 % and come back after a reload).
    await page.mouse.move(zoom.x + zoom.w / 2, zoom.y + zoom.h + zoom.h * 5.2);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    await page.mouse.up();
    await page.waitForFunction(() => nnplay.polishView().uiZoom !== 1, null, { timeout: 10000 }).catch(() => {});
    const chosen = (await view(page)).uiZoom;
    assert.ok(chosen > 1, `the zoom chosen: ${chosen}`);
    await page.reload();
    await ready(page);
    await page.waitForFunction((z) => nnplay.polishView().uiZoom === z, chosen, { timeout: 10000 }).catch(() => {});
    assert.equal((await view(page)).uiZoom, chosen, 'the zoom after a reload');
  } finally {
    await page.evaluate(() => localStorage.removeItem('nnplay.zoom'));  // the other tests start at 100 %
  }
  assert.ok(problems.length === 0, problems.join('; '));
});

// Whether a thumbnail pixel is on a neuron's positive (blue) or negative (orange) side.
function side(hex, palette) {
  const rgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const d = (a, b) => a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0);
  const p = rgb(hex);
  return d(p, rgb(palette.classes[1])) < d(p, rgb(palette.classes[0])) ? 1 : -1;
}

test("an ensemble's member k: the neuron pictures are member k's", async () => {
  const { page, problems } = await openReady('#ensemble=3&networkShape=4&seed=thumbs');
  await page.waitForFunction(() => nnplay.widgetRect('memberNext'), null, { timeout: 20000 });
  const palette = await page.evaluate(() => nnplay.palette());
  const points = [];
  for (let i = -5; i <= 5; i += 2.5) for (let j = -5; j <= 5; j += 2.5) points.push([j, i]);
  // Member m's first-layer neurons as drawn, and as its weights say (x1 and x2 in).
  const drawn = (m) => page.evaluate((a) => {
    const pixels = [], neurons = [];
    for (let n = 0; n < 4; n++) {
      neurons.push(nnplay.neuronWeights(a.m, 0, n));
      for (const [x, y] of a.points) pixels.push(nnplay.neuronPixel(0, n, x, y));
    }
    return { pixels, neurons };
  }, { m, points });
  const check = async (m) => {
    const { pixels, neurons } = await drawn(m);
    let agree = 0, strong = 0;
    for (let n = 0; n < 4; n++) {
      const { weights, bias } = neurons[n];
      points.forEach(([x, y], k) => {
        const z = weights[0] * x + weights[1] * y + bias;
        if (Math.abs(z) < 0.3) return;  // near the neuron's boundary: either colour
        strong++;
        if (side(pixels[n * points.length + k], palette) === Math.sign(z)) agree++;
      });
    }
    assert.ok(strong >= 20 && agree >= 0.95 * strong, `member ${m + 1}: ${agree} of ${strong} pixels agree with its weights`);
    return pixels;
  };
  const first = await check(0);
  for (const m of [1, 2]) {
    await click(page, await rect(page, 'memberNext'));
    await page.waitForFunction((k) => nnplay.networkView().member === k, m, { timeout: 10000 }).catch(() => {});
    await frames(page, 4);
    const pixels = await check(m);
    if (m === 1) assert.notDeepEqual(pixels, first, 'member 2 shows member 1\'s pictures');
  }
  assert.ok(problems.length === 0, problems.join('; '));
});
