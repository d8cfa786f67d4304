// diagnosis.test.mjs: the training diagnosis in the page (engine/diagnosis.h, web/diagnosis_view.cpp):
// silent on the default playground, said beside the status for a collapsed run, a zero
// initialisation and overfitting, with dead neurons marked and the overfitting point known.
// The tests take turns on one page (openShared): each sets its state as a link would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openShared, metrics } from './harness.mjs';

useBrowser();

const diagnosis = (page) => page.evaluate(() => nnplay.diagnosis());
const codes = (d) => d.items.map((i) => i.code).join(' ');
// Steps `epochs` epochs in steps of `by`, as a learner pressing Step would (each step is
// analysed: the page is paused).
const stepBy = (page, epochs, by) => page.evaluate(({ epochs, by }) => {
  for (let e = 0; e < epochs; e += by) nnplay.step(by);
}, { epochs, by });

test('the default playground trains 100 epochs without a diagnosis', async () => {
  const { page, problems } = await openShared();
  await stepBy(page, 100, 10);
  const d = await diagnosis(page);
  assert.equal((await metrics(page)).epoch, 100);
  assert.equal(codes(d), '', JSON.stringify(d.items));
  assert.ok(!(await page.evaluate(() => nnplay.status())).includes('Diagnosis'));
  assert.ok(problems.length === 0, problems.join('; '));
});

test('spiral, ReLU, rate 10: collapse beside the status "ok", and every dead ReLU marked', async () => {
  const { page, problems } = await openShared('#dataset=spiral&networkShape=8,8&activation=relu&learningRate=10&seed=a');
  await stepBy(page, 50, 5);
  const d = await diagnosis(page);
  assert.equal((await metrics(page)).status, 'ok');
  assert.ok(codes(d).includes('collapse') && codes(d).includes('dead_units'), codes(d));
  assert.deepEqual(d.units[1], [1, 1, 1, 1, 1, 1, 1, 1]);
  const status = await page.evaluate(() => nnplay.status());
  assert.ok(status.includes('Diagnosis: The network gives (nearly) the same output'), status);
  // A reset is a new run: the diagnosis starts over.
  await page.evaluate(() => nnplay.setState('dataset=spiral&networkShape=8,8&activation=relu&learningRate=0.03&seed=a'));
  assert.equal(codes(await diagnosis(page)), '');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('init=zeros: the symmetry is said before training starts (defect 9)', async () => {
  const { page, problems } = await openShared('#dataset=circle&init=zeros');
  const d = await diagnosis(page);
  assert.equal(codes(d), 'symmetry');
  assert.equal(d.items[0].since_epoch, 0);
  const status = await page.evaluate(() => nnplay.status());
  assert.ok(status.includes('Identical units: hidden layer 1 has 4 units but only 1 different'), status);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a small net on noisy xor overfits: the point where the test loss was lowest is kept', async () => {
  const { page, problems } = await openShared('#dataset=xor&noise=50&networkShape=8,8&numSamples=100&learningRate=0.1');
  await stepBy(page, 1000, 10);
  const d = await diagnosis(page);
  assert.equal(codes(d), 'overfitting');
  assert.ok(d.overfitEpoch > 0 && d.overfitEpoch < 980, `overfitting point at ${d.overfitEpoch}`);
  assert.equal(d.items[0].since_epoch, d.overfitEpoch);
  assert.ok(problems.length === 0, problems.join('; '));
});
