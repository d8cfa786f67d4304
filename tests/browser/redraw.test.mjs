// redraw.test.mjs: the canvas keeps its pixels and each frame draws again only where its
// drawing changed (web/damage.h). The pixels must be exactly those of the frame drawn whole,
// whatever happened: training, hovering (tooltips, a neuron's picture in the plot), a combo
// opened and closed, keyboard focus moving, the theme switched, the plot zoomed, a resize.
// nnplay.redrawCheck() reads the canvas, draws the same frame whole and compares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, frames } from './harness.mjs';

useBrowser();

const centre = (page, name) => page.evaluate((n) => {
  const r = nnplay.widgetRect(n);
  return r && { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}, name);

async function same(page, step) {
  await frames(page, 4);
  const check = await page.evaluate(() => nnplay.redrawCheck());
  assert.equal(check.different, 0,
               `${step}: ${check.different} of ${check.pixels} pixels differ from the frame drawn whole, ` +
               `the first at (${check.x}, ${check.y}), all within [${check.box}]`);
}

test('frames drawn only where they changed show exactly what a whole frame shows', async () => {
  const { page, problems } = await openReady('#');
  const speed = await page.evaluate(() => nnplay.speed());
  assert.equal(speed.keepsPixels, true, 'the canvas does not keep its pixels: every frame is drawn whole');
  await same(page, 'loaded');

  // Training: most of the page stays as it was, and is not drawn again.
  await page.evaluate(() => { nnplay.setSpeed(0); nnplay.play(); });
  const shares = [];
  for (let i = 0; i < 10; i++) {
    await frames(page, 2);
    shares.push(await page.evaluate(() => nnplay.speed().redrawn));
  }
  shares.sort((a, b) => a - b);
  assert.ok(shares[5] < 0.6, `training redrew a median ${shares[5]} of the canvas each frame`);
  // The output plot (its points drawn by a GL callback, keyed) is drawn again only in the frames
  // whose picture changed, about every other one: some frames redraw less than the plot alone.
  const plotShare = await page.evaluate(() => {
    const r = nnplay.widgetRect('plot');
    return (r.w * r.h) / (innerWidth * innerHeight);
  });
  const each = [];
  for (let i = 0; i < 12; i++) {
    await frames(page, 1);
    each.push(await page.evaluate(() => nnplay.speed().redrawn));
  }
  assert.ok(Math.min(...each) < plotShare,
            `every frame redrew at least the plot's ${plotShare.toFixed(2)} of the canvas: ${each.map((x) => x.toFixed(2))}`);
  await same(page, 'training');
  await page.evaluate(() => nnplay.pause());
  await same(page, 'paused');

  // Hovering: a tooltip, then a neuron (its picture in the output plot), then away.
  const play = await centre(page, 'play');
  await page.mouse.move(play.x, play.y);
  await page.waitForTimeout(900);
  await same(page, 'a tooltip');
  await page.mouse.move(450, 265);  // the first hidden neuron of the default network
  await same(page, 'a neuron hovered');
  await page.keyboard.press('Space');  // training under it: its picture changes
  await frames(page, 12);
  await same(page, 'training with a neuron hovered');
  await page.keyboard.press('Space');
  await same(page, 'paused with a neuron hovered');
  await page.mouse.move(5, 790);
  await same(page, 'hovering nothing');
  await page.evaluate(() => nnplay.setState('dataset=xor&noise=20'));  // new points in the plot
  await same(page, 'new points');

  // A combo opened and closed, focus moved by the keyboard.
  const activation = await centre(page, 'activation');
  await page.mouse.click(activation.x, activation.y);
  await same(page, 'the activation list open');
  await page.keyboard.press('Escape');
  await same(page, 'the activation list closed');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await same(page, 'focus moved by Tab');

  // The theme, the plot zoomed, then a new size.
  const theme = await centre(page, 'theme');
  await page.mouse.click(theme.x, theme.y);
  await same(page, 'the dark theme');
  await page.mouse.click(theme.x, theme.y);
  const plot = await page.evaluate(() => nnplay.widgetRect('plot'));
  await page.mouse.click(plot.x + plot.w - 18, plot.y + 16);  // its zoom-in button, top right
  await same(page, 'the plot zoomed');
  await page.setViewportSize({ width: 1000, height: 700 });
  await same(page, 'resized');
  await page.evaluate(() => nnplay.play());
  await frames(page, 10);
  await same(page, 'training at the new size');
  assert.ok(problems.length === 0, problems.join('; '));
});

// While training, a new grid's image is uploaded only in the blocks where a texel moved past a
// small tolerance (web/image_update.h) and the canvas drawn again only where those blocks are
// shown; paused, the image is brought up to date exactly.
test('a new output image is drawn again only where it changed, and exactly once paused', async () => {
  const { page, problems } = await openReady('#');
  await page.evaluate(() => {
    window.__uploads = [];
    const watch = () => {
      const s = nnplay.speed();
      window.__uploads.push({ ...s.outputUpload, redrawn: s.redrawn });
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    nnplay.setSpeed(0);
    nnplay.play();
  });
  let partial = null;
  for (let i = 0; i < 40 && !partial; i++) {
    await page.waitForTimeout(250);
    partial = await page.evaluate(() => window.__uploads.find((u) => u.texels > 0 && u.texels < u.of / 2) || null);
  }
  assert.ok(partial, 'every new image while training was uploaded whole (or more than half of it)');
  await same(page, 'training, parts of the image uploaded');
  await page.evaluate(() => nnplay.pause());
  await frames(page, 4);
  const after = await page.evaluate(() => nnplay.speed().outputUpload);
  assert.equal(after.lagging, false, 'paused, the output image still lags the grid');
  await same(page, 'paused after parts were uploaded');
  assert.ok(problems.length === 0, problems.join('; '));
});
