// threads.test.mjs: the page with WebAssembly threads (nnplay-mt.js, engine/parallel.h). Served
// cross-origin isolated, index.html loads it and the boundary's grid runs on two threads; its
// grid has the bits of the one-thread page's, it trains and draws. Served without the headers,
// the same folder gives the one-thread page (the rest of the suite tests that one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openReady, site, root } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

useBrowser();

const STATE = 'dataset=spiral&networkShape=8,8,8&activation=tanh&seed=threads';

// Paused at epoch 0 of STATE, once the paused plot's refinement has finished: the page's
// isolation, its speed figures and the loaded script.
async function settled(page) {
  await page.evaluate((q) => { nnplay.pause(); nnplay.setState(q); }, STATE);
  assert.equal(await page.evaluate(() => nnplay.metrics().epoch), 0);
  // Finished: no pass under way, and the same finished pass over a few frames.
  let last = null;
  await page.waitForFunction(() => {
    const s = nnplay.speed();
    return s.boundaryPassRes === 0 && s.boundaryRes >= 256;
  }, null, { timeout: 60000 });
  for (let tries = 0; tries < 100; ++tries) {  // 30 s at most; the asserts then say what differs
    const s = await page.evaluate(() => nnplay.speed());
    if (last && s.boundaryPasses === last.boundaryPasses && s.boundaryPassRes === 0) break;
    last = s;
    await page.waitForTimeout(300);
  }
  return page.evaluate(() => ({
    isolated: self.crossOriginIsolated,
    speed: nnplay.speed(),
    scripts: [...document.scripts].map((s) => s.src.replace(/^.*\//, '')).filter((s) => s.startsWith('nnplay')),
  }));
}

test('cross-origin isolated, the page runs its grid on two threads with the bits of one', async () => {
  // A server of each kind, whichever the harness's own is (NNPLAY_ISOLATED).
  const plain = await serve(site, 0, '127.0.0.1', { isolated: false });
  const isolated = await serve(site, 0, '127.0.0.1', { isolated: true });
  try {
    const one = await openReady('#' + STATE, undefined, plain.url);
    const two = await openReady('#' + STATE, undefined, isolated.url);
    const a = await settled(one.page);
    const b = await settled(two.page);
    assert.equal(a.isolated, false);
    assert.deepEqual(a.scripts, ['nnplay.js']);
    assert.equal(a.speed.threads, 1);
    assert.equal(b.isolated, true);
    assert.deepEqual(b.scripts, ['nnplay-mt.js']);
    assert.equal(b.speed.threads, 2);
    assert.equal(b.speed.boundaryRes, a.speed.boundaryRes);
    assert.equal(b.speed.boundaryHash, a.speed.boundaryHash, 'the same grid, bit for bit');

    // It trains and draws like the other: epochs go by and the plot is repainted.
    await two.page.evaluate(() => { nnplay.setSpeed(0); nnplay.play(); });
    await two.page.waitForFunction(() => nnplay.metrics().epoch >= 20, null, { timeout: 60000 });
    await two.page.waitForFunction((n) => nnplay.speed().boundaryPasses > n, b.speed.boundaryPasses, { timeout: 60000 });
    mkdirSync(join(root, 'build', 'screenshots'), { recursive: true });
    await two.page.screenshot({ path: join(root, 'build', 'screenshots', 'threads-1280x800.png') });
    assert.deepEqual(one.problems, []);
    assert.deepEqual(two.problems, []);
  } finally {
    plain.server.close();
    isolated.server.close();
  }
});
