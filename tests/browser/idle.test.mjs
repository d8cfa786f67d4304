// idle.test.mjs: a paused, untouched page stops drawing and the mouse wakes it. Counts frames
// over seconds, so it wants a quiet machine: `node --test --test-concurrency=1` runs the test
// files one at a time. Opens its own page (harness.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady } from './harness.mjs';

useBrowser();

test('a paused page stops drawing; the mouse wakes it', async () => {
  // Idle: no training, no input or API call for half a second. stats() itself is an API
  // call, so the frames counted from one call to the next 3 s later are at most half a
  // second's worth (60 a second at the most) plus the once-a-second redraws, with a margin;
  // a page that kept drawing would show 60 or more even at 20 fps (its usual 30-40 fps: 90 or
  // more). The pause is an API call too: the first stats() follows it at once, so that their
  // half-seconds of frames overlap (the 0.6).
  const IDLE_S = 3;
  const { page, problems } = await openReady();
  await page.evaluate(() => { nnplay.pause(); });
  const a = await page.evaluate(() => nnplay.stats().framesDrawn);
  await page.waitForTimeout(IDLE_S * 1000);
  const b = await page.evaluate(() => nnplay.stats().framesDrawn);
  assert.ok(b - a <= 0.6 * 60 + IDLE_S + 4, `${b - a} frames drawn in ${IDLE_S} s of idling`);
  // Moving the mouse over the canvas for a second: frames again.
  await page.waitForTimeout(1500);
  const c = await page.evaluate(() => nnplay.stats().framesDrawn);
  for (let i = 0; i < 10; i++) {
    await page.mouse.move(300 + 20 * i, 400);
    await page.waitForTimeout(100);
  }
  const d = await page.evaluate(() => nnplay.stats().framesDrawn);
  assert.ok(d - c >= 5, `only ${d - c} frames drawn during a second of mouse moves`);  // idle: 1 or 2
  console.log(`     idle: ${b - a} frames in ${IDLE_S} s; moving the mouse: ${d - c} frames in 1 s`);
  assert.ok(problems.length === 0, problems.join('; '));
});
