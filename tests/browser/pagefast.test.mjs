// pagefast.test.mjs: the training page's work per frame by phase (nnplay.framePhases, session
// 8), which the bench prints: it counts the frames drawn since the last call, by phase, and
// starts again from zero after each call. Conditions, not times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, frames } from './harness.mjs';

useBrowser();

test('framePhases counts the frames drawn since the last call, by phase', async () => {
  const { page, problems } = await openReady();
  await page.evaluate(() => { nnplay.setState(''); nnplay.setSpeed(0); nnplay.play(); });
  await frames(page, 3);
  // Forget the frames so far; in the same task (no frame between), the frames drawn until now.
  const before = await page.evaluate(() => { nnplay.framePhases(); return nnplay.stats().framesDrawn; });
  await frames(page, 12);
  const { p, drawn } = await page.evaluate((b) => ({ p: nnplay.framePhases(), drawn: nnplay.stats().framesDrawn - b }), before);
  assert.ok(drawn >= 10, `${drawn} frames drawn`);
  assert.equal(p.frames, Math.min(drawn, 256), `${p.frames} frames counted, ${drawn} drawn`);
  let sum = 0;
  for (const k of ['train', 'pictures', 'ui', 'draw']) {
    assert.ok(p[k].median >= 0 && p[k].p95 >= p[k].median, `${k}: ${JSON.stringify(p[k])}`);
    sum += p[k].median;
  }
  // The medians of the parts need not add up exactly, but none exceeds the total's p95.
  assert.ok(p.total.p95 >= p.total.median && p.total.p95 + 1e-6 >= Math.max(p.pictures.median, p.ui.median), JSON.stringify(p));
  assert.ok(sum > 0, 'no work counted at all');
  // Counted again from zero: two calls in one task (no frame between them), the second sees none.
  const again = await page.evaluate(() => { nnplay.framePhases(); return nnplay.framePhases(); });
  assert.equal(again.frames, 0);
  assert.deepEqual(problems, []);
});
