// speed.test.mjs: the output plot's grid refines progressively (never coarser than 128² while
// an 8 × 64 network trains, 256² or finer after a pause), the GL counts the bench prints, and
// the widgets-only page the bench measures its ceiling with, the pictures' pace and turns while
// training and the bench's breakdown switch, and thousands of points drawn once into a layer.
// Conditions, not times: the
// machine may be loaded. All but the second test take turns on one page (openShared); the
// second wants a fresh one, whose grid has never been finer than its own network's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, openShared, frames } from './harness.mjs';

useBrowser();

const speed = (page) => page.evaluate(() => nnplay.speed());

test('an 8 x 64 network keeps a 128² output grid or finer while it trains, and refines past 256² paused', async () => {
  const { page, problems } = await openShared();
  await page.evaluate(() => { nnplay.setState('networkShape=64,64,64,64,64,64,64,64'); nnplay.play(); });
  const passes = (await speed(page)).boundaryPasses;
  // Every frame until two passes of the new network have finished (the first might have
  // started before the change): the grid shown never drops below 128².
  const seen = await page.evaluate((from) => new Promise((done) => {
    const res = [];
    const sample = () => {
      const s = nnplay.speed();
      res.push(s.boundaryRes);
      if (s.boundaryPasses >= from + 2 || res.length > 20000) done(res); else requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }), passes);
  assert.ok((await page.evaluate(() => nnplay.metrics().epoch)) > 0, 'the network did not train');
  assert.ok(seen.length > 2, `only ${seen.length} frames sampled`);
  assert.ok(Math.min(...seen) >= 128, `output grid ${Math.min(...seen)}² in one of ${seen.length} frames`);
  // Paused, finer passes follow until 256² at least.
  await page.evaluate(() => nnplay.pause());
  await page.waitForFunction(() => nnplay.speed().boundaryRes >= 256, null, { timeout: 60000, polling: 100 });
  assert.deepEqual(problems, []);
});

test('the default network refines to the plot\'s pixels paused; widgets only draws no picture', async () => {
  const { page, problems } = await openReady();
  // Whole frames (not only what changed, web/damage.h): the draw calls of everything shown.
  await page.evaluate(() => { nnplay.setFullRedraw(true); nnplay.pause(); nnplay.step(3); });
  // The plot is some 500 pixels wide at 1280 x 800: 512² is its own resolution.
  await page.waitForFunction(() => nnplay.speed().boundaryRes >= 512, null, { timeout: 60000, polling: 100 });
  await frames(page, 3);
  const full = await speed(page);
  assert.ok(full.drawCalls > 10 && full.triangles > full.drawCalls, JSON.stringify(full));
  await page.evaluate(() => nnplay.setWidgetsOnly(true));
  const before = (await page.evaluate(() => nnplay.stats())).framesDrawn;
  await frames(page, 5);
  const widgets = await speed(page);
  const after = (await page.evaluate(() => nnplay.stats())).framesDrawn;
  assert.ok(widgets.widgetsOnly && after - before >= 4, `${after - before} frames drawn with widgets only`);
  // The points, the output image and the thumbnails are gone; the widgets stay.
  assert.ok(widgets.drawCalls > 0 && widgets.drawCalls < full.drawCalls, `${widgets.drawCalls} vs ${full.drawCalls}`);
  assert.equal(widgets.uploads, 0);
  await page.evaluate(() => { nnplay.setWidgetsOnly(false); nnplay.setFullRedraw(false); });
  assert.deepEqual(problems, []);
});

test('training, the output grid is evaluated at most every third frame and still follows the training', async () => {
  const { page, problems } = await openShared();
  await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); nnplay.play(); });
  await frames(page, 5);
  // Counted by the page itself (frames drawn, passes finished) over 40 animation frames.
  const seen = await page.evaluate(() => new Promise((done) => {
    const first = { frames: nnplay.stats().framesDrawn, passes: nnplay.speed().boundaryPasses };
    let n = 0;
    const sample = () => {
      if (++n < 40) return requestAnimationFrame(sample);
      done({ frames: nnplay.stats().framesDrawn - first.frames, passes: nnplay.speed().boundaryPasses - first.passes });
    };
    requestAnimationFrame(sample);
  }));
  assert.ok(seen.frames >= 10, `${seen.frames} frames drawn`);
  assert.ok(seen.passes >= 3, `${seen.passes} passes in ${seen.frames} frames: the plot stopped following the training`);
  assert.ok(seen.passes <= Math.ceil(seen.frames / 3) + 1, `${seen.passes} passes in ${seen.frames} frames`);
  assert.deepEqual(problems, []);
});

test('training, a frame that evaluates the output grid leaves its colouring and upload to the next', async () => {
  const { page, problems } = await openShared();
  await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); nnplay.play(); });
  await frames(page, 5);
  // The page's own counts after every animation frame: frames drawn, passes finished, output
  // images coloured, and the last drawn frame's texture uploads.
  const log = await page.evaluate(() => new Promise((done) => {
    const out = [];
    const sample = () => {
      const s = nnplay.speed();
      out.push({ frame: nnplay.stats().framesDrawn, passes: s.boundaryPasses, images: s.outputUpload.images,
                 bytes: s.uploadBytes });
      if (out.length < 60) requestAnimationFrame(sample); else done(out);
    };
    requestAnimationFrame(sample);
  }));
  let checked = 0;
  for (let i = 1; i + 1 < log.length; ++i) {
    const [before, at, after] = [log[i - 1], log[i], log[i + 1]];
    // One page frame between samples, and a pass finished in it.
    if (at.frame !== before.frame + 1 || after.frame !== at.frame + 1 || at.passes === before.passes) continue;
    assert.equal(at.images, before.images, `frame ${at.frame} evaluated a grid and coloured an image: ${JSON.stringify(log)}`);
    // (Uploaded: of the new image, the blocks that moved visibly, web/image_update.h.)
    assert.ok(after.images === at.images + 1 && after.bytes > 0,
              `frame ${after.frame} did not colour and upload the new grid's image: ${JSON.stringify(log)}`);
    ++checked;
  }
  assert.ok(checked >= 3, `${checked} passes between single frames: ${JSON.stringify(log)}`);
  await page.evaluate(() => nnplay.pause());
  assert.deepEqual(problems, []);
});

test('training, the thumbnails are made anew in a frame that neither evaluates nor colours the output grid', async () => {
  const { page, problems } = await openShared();
  await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); nnplay.play(); });
  await frames(page, 5);
  // Paused a few frames, everything is due at once when training goes on again.
  await page.evaluate(() => nnplay.pause());
  await frames(page, 5);
  await page.evaluate(() => nnplay.play());
  // The page's own counts after every animation frame: frames drawn, output passes finished,
  // output images coloured, thumbnail updates.
  const log = await page.evaluate(() => new Promise((done) => {
    const out = [];
    const sample = () => {
      const s = nnplay.speed();
      out.push({ frame: nnplay.stats().framesDrawn, passes: s.boundaryPasses, images: s.outputUpload.images,
                 thumbs: s.thumbnailUpdates });
      if (out.length < 60) requestAnimationFrame(sample); else done(out);
    };
    requestAnimationFrame(sample);
  }));
  let checked = 0, last = -1;
  for (let i = 1; i < log.length; ++i) {
    const [before, at] = [log[i - 1], log[i]];
    if (at.frame !== before.frame + 1 || at.thumbs === before.thumbs) continue;  // one page frame, an update in it
    assert.equal(at.passes, before.passes, `frame ${at.frame} evaluated the output grid and the thumbnails: ${JSON.stringify(log)}`);
    assert.equal(at.images, before.images, `frame ${at.frame} coloured the output image and made the thumbnails: ${JSON.stringify(log)}`);
    if (last >= 0) assert.ok(at.frame - last >= 3, `thumbnails in frames ${last} and ${at.frame}: ${JSON.stringify(log)}`);
    last = at.frame;
    ++checked;
  }
  assert.ok(checked >= 3, `${checked} thumbnail updates between single frames: ${JSON.stringify(log)}`);
  await page.evaluate(() => nnplay.pause());
  assert.deepEqual(problems, []);
});

test('the bench\'s breakdown switch leaves out the picture work and brings it back', async () => {
  const { page, problems } = await openShared();
  await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); nnplay.play(); });
  await frames(page, 5);
  const full = await speed(page);
  await page.evaluate(() => nnplay.setSpeedSkip(127));
  const from = (await speed(page)).boundaryPasses;
  await frames(page, 6);
  const none = await speed(page);
  assert.equal(none.uploads, 0, JSON.stringify(none));
  assert.ok(none.drawCalls < full.drawCalls, `${none.drawCalls} draw calls vs ${full.drawCalls}`);
  assert.ok(none.boundaryPasses <= from + 1, 'the output grid was still evaluated');
  // Without the output image's colouring only, the thumbnails go on (they wait for no image).
  await page.evaluate(() => nnplay.setSpeedSkip(64));
  await frames(page, 3);
  const thumbs = (await speed(page)).thumbnailUpdates;
  await frames(page, 12);
  assert.ok((await speed(page)).thumbnailUpdates > thumbs, 'the thumbnails stopped with the output image');
  await page.evaluate(() => nnplay.setSpeedSkip(0));
  await page.waitForFunction((p) => nnplay.speed().boundaryPasses > p + 1, none.boundaryPasses, { timeout: 60000, polling: 50 });
  await frames(page, 3);
  assert.ok((await speed(page)).drawCalls > none.drawCalls, 'the pictures were not drawn again');
  await page.evaluate(() => nnplay.pause());
  assert.deepEqual(problems, []);
});

// The pixels of the output plot's square (or another named control's): [r, g, b, a, ...]
// decoded from a screenshot in the page.
async function plotPixels(page, name = 'plot') {
  const r = await page.evaluate((n) => nnplay.widgetRect(n), name);
  const png = (await page.screenshot({ clip: { x: r.x, y: r.y, width: r.w, height: r.h } })).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    await new Promise((done) => { image.onload = done; image.src = 'data:image/png;base64,' + data; });
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const g = canvas.getContext('2d');
    g.drawImage(image, 0, 0);
    return Array.from(g.getImageData(0, 0, image.width, image.height).data);
  }, png);
}

// Paused, finer output grids follow a change until the plot's own pixels: until they are done.
async function settled(page) {
  await frames(page, 2);
  await page.waitForFunction(() => nnplay.speed().boundaryPassRes === 0, null, { timeout: 60000, polling: 100 });
  await frames(page, 3);
}

// The plot drawn with the points' layer and with the points one by one (the bench's switch
// nnplay.setSpeedSkip(128)) has the same pixels, up to 8-bit rounding of the premultiplied
// colours: where many anti-aliased edges overlap, it adds up to a few levels (11 values of
// 675,684 by 3 to 10 when written).
async function sameAsOneByOne(page, where, name = 'plot') {
  const layered = await plotPixels(page, name);
  await page.evaluate(() => nnplay.setSpeedSkip(128));
  await settled(page);  // the switch draws the output grid again, from 256²
  const direct = await plotPixels(page, name);
  await page.evaluate(() => nnplay.setSpeedSkip(0));
  await settled(page);
  assert.equal(layered.length, direct.length);
  let beyond = 0, most = 0;  // values differing by more than 2 levels; the largest difference
  for (let k = 0; k < layered.length; ++k) {
    const d = Math.abs(layered[k] - direct[k]);
    if (d > 2) ++beyond;
    most = Math.max(most, d);
  }
  assert.ok(most <= 16 && beyond <= layered.length / 10000,
            `${where}: ${beyond} of ${layered.length} values differ by more than 2 levels, at most ${most}`);
}

// A network that grows while training is drawn for a frame or more before its thumbnails are
// made (they wait for their frame): the atlas then colours only the slots it has. Coloured on
// the CPU, the new nodes' slots wrote past the atlas's memory (the bench met it first).
test('a network grown to 8 x 64 while training draws on, its new thumbnails made a few frames later', async () => {
  // A fresh page each time (the atlas keeps the slots it once reserved), the change made at
  // different frames of the thumbnails' every-other-frame rhythm.
  for (let offset = 0; offset < 4; ++offset) {
    const { page, problems } = await openReady('#seed=grow');
    await page.evaluate(() => { nnplay.setSpeed(0); nnplay.play(); });
    await frames(page, 3 + offset);
    // Every frame from the change: the atlas colours no more slots than it has.
    const seen = await page.evaluate(() => new Promise((done) => {
      nnplay.setState('seed=grow&networkShape=64,64,64,64,64,64,64,64');
      const seen = [];
      const sample = () => {
        const s = nnplay.speed();
        seen.push([s.atlasSlots, s.slotCapacity]);
        if (seen.length < 8) requestAnimationFrame(sample); else done(seen);
      };
      requestAnimationFrame(sample);
    }));
    assert.ok(seen.every(([slots, capacity]) => slots <= capacity), JSON.stringify(seen));
    await page.waitForFunction(() => nnplay.speed().atlasSlots > 500, null, { timeout: 30000 });  // then made
    await page.evaluate(() => nnplay.pause());
    assert.deepEqual(problems, []);
    await page.close();
  }
});

// The hidden space view moves its points as the network trains: with thousands, the picture is
// made again at most every 0.2 s (each is a layer drawn again), and copied in between.
test('the hidden space\'s thousands of points: a layer drawn again at most five times a second while training, the same pixels', async () => {
  // Tall enough that the view lies above the status line (whose text changes).
  const { page, problems } = await openReady('#dataset=spiral&numSamples=2000&showHidden=true&networkShape=4&seed=hid',
                                             (p) => p.setViewportSize({ width: 1280, height: 1100 }));
  await page.waitForFunction(() => nnplay.widgetRect('hiddenView'), null, { timeout: 20000 });
  await frames(page, 5);
  const before = await page.evaluate(() => ({ s: nnplay.speed(), f: nnplay.stats().framesDrawn, t: performance.now() }));
  await page.evaluate(() => { nnplay.setSpeed(0); nnplay.play(); });
  await page.waitForTimeout(2000);
  await page.evaluate(() => nnplay.pause());
  const after = await page.evaluate(() => ({ s: nnplay.speed(), f: nnplay.stats().framesDrawn, t: performance.now(), e: nnplay.metrics().epoch }));
  const layers = after.s.hiddenLayerDraws - before.s.hiddenLayerDraws, drawnFrames = after.f - before.f;
  const most = 2 + (after.t - before.t) / 200;
  assert.ok(layers >= 2 && layers <= most, `${layers} layers in ${drawnFrames} frames (${after.e} epochs), at most ${most}`);
  assert.ok(drawnFrames >= 2 * layers, `${layers} layers in ${drawnFrames} frames`);
  await page.waitForTimeout(400);  // the last epochs' picture, up to 0.2 s after the pause
  await settled(page);
  await sameAsOneByOne(page, 'the hidden space', 'hiddenView');
  assert.deepEqual(problems, []);
});

test('thousands of points are drawn once into a layer, copied each frame, with the pixels of drawing them one by one', async () => {
  const { page, problems } = await openReady('#dataset=spiral&classes=6&numSamples=3000&showTestData=true&seed=layer');
  await frames(page, 5);
  const first = (await speed(page)).pointsLayerDraws;
  assert.ok(first >= 1, 'the 3,000 points were not drawn into their layer');
  // Training changes the picture under the points, not the points: the layer stays.
  await page.evaluate(() => { nnplay.setSpeed(0); nnplay.play(); });
  await frames(page, 20);
  await page.evaluate(() => nnplay.pause());
  await settled(page);
  assert.equal((await speed(page)).pointsLayerDraws, first, 'the layer was drawn again while only the training moved');
  await sameAsOneByOne(page, 'at 1:1');
  // Zoomed in twice (the plot's + button): the layer is drawn again for the magnified plane.
  const zoomIn = await page.evaluate(() => nnplay.widgetRect('plotZoomIn'));
  for (let i = 0; i < 2; ++i) {
    await page.mouse.click(zoomIn.x + zoomIn.w / 2, zoomIn.y + zoomIn.h / 2);
    await frames(page, 2);
  }
  await settled(page);
  const zoomed = (await speed(page)).pointsLayerDraws;
  assert.ok(zoomed > first, 'zoomed, the layer kept the old plane');
  await sameAsOneByOne(page, 'zoomed in twice');
  // New points (the test points hidden): drawn into the layer again.
  await page.evaluate(() => nnplay.setState('dataset=spiral&classes=6&numSamples=3000&showTestData=false&seed=layer'));
  await frames(page, 3);
  assert.ok((await speed(page)).pointsLayerDraws > zoomed, 'the layer kept the old points');
  assert.deepEqual(problems, []);
});

