// tfp.test.mjs: a TensorFlow Playground link opens with its state and hidden controls, and the
// page offers compat=tf (TFP's own training). Opens its own page (harness.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, frames } from './harness.mjs';

useBrowser();

const TFP_LINK = '#activation=tanh&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.03&' +
  'regularizationRate=0&noise=0&networkShape=4,2&seed=0.80725&showTestData=false&discretize=false&' +
  'percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&' +
  'cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&' +
  'learningRate_hide=true&numHiddenLayers_hide=true';

test('a TensorFlow Playground link: its state, its hidden control, the compat=tf offer', async () => {
  const { page, problems } = await openReady(TFP_LINK);
  await frames(page);
  const state = await page.evaluate(() => nnplay.getState());
  for (const want of ['dataset=xor', 'networkShape=4,2&', 'learningRate=0.03&', 'seed=0.80725&',
                      'learningRate_hide=true'])
    assert.ok(state.includes(want), `state lacks ${want}: ${state}`);
  assert.ok(await page.evaluate(() => nnplay.widgetRect('learningRate')) === null,
            'the hidden learning rate control has a rectangle');
  assert.ok(await page.evaluate(() => nnplay.widgetRect('addLayer')) === null,
            'the hidden +/- layer buttons have a rectangle');
  assert.ok(await page.evaluate(() => nnplay.widgetRect('activation')) !== null, 'activation is missing');
  const status = await page.evaluate(() => nnplay.status());
  assert.ok(/TensorFlow Playground/.test(status) && /compat=tf/.test(status), `status: ${status}`);
  const r = await page.evaluate(() => nnplay.widgetRect('compatTf'));
  assert.ok(r !== null, 'no compat=tf button');
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => nnplay.getState().includes('compat=tf'), null, { timeout: 10000 });
  await frames(page);
  assert.ok(!/compat=tf/.test(await page.evaluate(() => nnplay.status())), 'still offered after clicking');
  assert.ok(problems.length === 0, problems.join('; '));
});
