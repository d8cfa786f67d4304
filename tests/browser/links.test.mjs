// links.test.mjs: opening links (good, bad, with trained weights) and the 8 KB limit on making
// them. Each test opens its own page (harness.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openReady, metrics, hashOf, frames, GRID, csvOf, root } from './harness.mjs';

// Waits until the page has drawn n more frames of its own (the address is written in a frame).
async function pageFrames(page, n = 10) {
  const from = await page.evaluate(() => nnplay.stats().framesDrawn);
  await page.waitForFunction((k) => nnplay.stats().framesDrawn >= k, from + n, { timeout: 60000 });
}

useBrowser();

test('opening a link applies its state', async () => {
  const { page, problems } = await openReady('#activation=sigmoid&learningRate=0.003&dataset=xor&networkShape=5,3,2');
  const state = await page.evaluate(() => nnplay.getState());
  assert.ok(state.includes('activation=sigmoid') && state.includes('learningRate=0.003') &&
            state.includes('dataset=xor') && state.includes('networkShape=5,3,2'), `state is ${state}`);
  await pageFrames(page);
  assert.ok((await hashOf(page)).includes('dataset=xor'), 'the address lost the link');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a link with bad values loads, with the warning in the status line', async () => {
  const { page, problems } = await openReady('#learningRate=abc&noise=999&foo=1');
  await pageFrames(page);
  const status = await page.evaluate(() => nnplay.status());
  assert.ok(/foo/.test(status), `status does not name the unknown key: "${status}"`);
  assert.ok(/learningRate/.test(status) && /noise/.test(status), `status lacks the bad values: "${status}"`);
  const warnings = await page.evaluate(() => nnplay.setState('learningRate=abc&foo=1'));
  assert.ok(Array.isArray(warnings) && warnings.length >= 2, `setState warnings: ${JSON.stringify(warnings)}`);
  const m = await metrics(page);
  assert.ok(m.epoch === 0 && m.status === 'ok', `metrics ${JSON.stringify(m)}`);
  await page.evaluate(() => nnplay.step(5));
  assert.ok((await metrics(page)).epoch === 5, 'could not train after a bad link');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a link with trained weights: the receiver\'s output equals the sender\'s', async () => {
  const a = await openReady('#dataset=xor&networkShape=5,3&seed=share1&learningRate=0.1');
  await a.page.evaluate(() => nnplay.step(40));
  const sent = await a.page.evaluate((grid) => ({ link: nnplay.shareLink({ weights: true }),
    metrics: nnplay.metrics(), out: nnplay.predict(grid),
    half: nnplay.shareLink({ weights: true, f16: true }) }), GRID);
  assert.ok(sent.link.weights && !sent.link.tooLong, `link: ${JSON.stringify(sent.link).slice(0, 200)}`);
  assert.ok(/[#&]weights=/.test(sent.link.url) && /&epoch=40/.test(sent.link.url), `url: ${sent.link.url}`);
  assert.ok(sent.half.length < sent.link.length, `f16 ${sent.half.length} vs f32 ${sent.link.length}`);
  const b = await openReady(sent.link.url.slice(sent.link.url.indexOf('#')));
  const got = await b.page.evaluate((grid) => ({ metrics: nnplay.metrics(), out: nnplay.predict(grid),
                                                 status: nnplay.status() }), GRID);
  assert.ok(got.metrics.testLoss === sent.metrics.testLoss && got.metrics.trainLoss === sent.metrics.trainLoss,
            `losses: sent ${sent.metrics.testLoss}/${sent.metrics.trainLoss}, got ${got.metrics.testLoss}/${got.metrics.trainLoss}`);
  assert.ok(JSON.stringify(got.out) === JSON.stringify(sent.out), 'the outputs on the grid differ');
  assert.ok(/Weights from the link/.test(got.status), `status: ${got.status}`);
  assert.ok(got.metrics.epoch === 40, `the receiver is at epoch ${got.metrics.epoch}, not the sender's 40`);
  // It trains on from there; and the address still holds the weights.
  await b.page.evaluate(() => nnplay.step(5));
  assert.ok((await metrics(b.page)).testLoss !== sent.metrics.testLoss, 'training on changed nothing');
  assert.ok((await hashOf(b.page)).includes('weights='), 'the address lost the weights');
  assert.ok(a.problems.length + b.problems.length === 0, a.problems.concat(b.problems).join('; '));
});

test('a link over 8 KB says so and offers the model file instead', async () => {
  const { page, problems } = await openReady('#seed=long');
  const rows = [];
  for (let i = 0; i < 3000; i++) rows.push([(((i * 37) % 1200) / 100 - 6).toFixed(3), ((i * 53) % 1200 / 100 - 6).toFixed(3), i % 2]);
  assert.ok((await page.evaluate((t) => nnplay.importCsv(t), csvOf(rows))).ok, 'import failed');
  const hrefBefore = await page.evaluate(() => { nnplay.step(1); return location.href; });
  const link = await page.evaluate(() => nnplay.shareLink({ weights: true, points: true, f16: false }));
  assert.ok(link.tooLong && link.length > 8192, `link: tooLong ${link.tooLong}, ${link.length} characters`);
  const status = await page.evaluate(() => nnplay.status());
  assert.ok(/8\.0 KB/.test(status) && /model file/.test(status), `status: ${status}`);
  assert.ok(await page.evaluate(() => location.href) === hrefBefore, 'a too-long link became the address');
  await page.waitForFunction(() => nnplay.widgetRect('downloadModel'), null, { timeout: 10000 });
  await frames(page);
  await page.screenshot({ path: join(root, 'build', 'screenshot-link-too-long.png') });
  const r = await page.evaluate(() => nnplay.widgetRect('downloadModel'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }),
                                        page.mouse.click(r.x + r.w / 2, r.y + r.h / 2)]);
  assert.ok(download.suggestedFilename() === 'nnplay-model.json', download.suggestedFilename());
  assert.ok(problems.length === 0, problems.join('; '));
});
