// reliability.test.mjs: the page's side of issue 13's reliability findings: file text crosses
// into C++ with its length (a NUL byte is refused, not an early end), a UTF-8 byte order mark
// drops no point, a link's NUL does not cut its warnings, and a run that cannot train says why.
// The tests take turns on one page (openShared): they drive it through the test API alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openShared } from './harness.mjs';

useBrowser();

test('a NUL byte refuses a CSV or a model file instead of ending it early', async () => {
  const { page, problems } = await openShared();
  await page.evaluate(() => nnplay.setState('dataset=circle&seed=nul'));
  const before = await page.evaluate(() => nnplay.getState());
  const csv = await page.evaluate(() => nnplay.importCsv('1,2,0\n3,4,1\u0000\n' + '0.1,0.1,0\n'.repeat(50)));
  assert.ok(!csv.ok && /line 2: a NUL byte/.test(csv.message), `csv: ${JSON.stringify(csv)}`);
  assert.equal(await page.evaluate(() => nnplay.getState()), before, 'a refused CSV changed the state');
  const model = await page.evaluate(() => nnplay.importModel(nnplay.exportModel() + '\u0000garbage'));
  assert.ok(!model.ok && /a NUL byte/.test(model.message), `model: ${JSON.stringify(model)}`);
  const opened = await page.evaluate(() => nnplay.openFile('points.csv', '1,2,0\n\u00003,4,1\n'));
  assert.match(opened, /a NUL byte/);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a UTF-8 byte order mark drops no point and refuses no model', async () => {
  const { page, problems } = await openShared();
  const csv = await page.evaluate(() => nnplay.importCsv('\ufeff1,2,0\n3,4,1\n-1,-1,0\n'));
  assert.ok(csv.ok && csv.points === 3, `csv: ${JSON.stringify(csv)}`);
  await page.evaluate(() => { nnplay.setState('networkShape=3&seed=bom'); nnplay.step(2); });
  const model = await page.evaluate(() => nnplay.importModel('\ufeff' + nnplay.exportModel()));
  assert.ok(model.ok, `model: ${JSON.stringify(model)}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test("a link's NUL bytes are shown escaped and cut no later warning", async () => {
  const { page } = await openShared();
  const warnings = await page.evaluate(() => nnplay.setState('seed=a%00b&activation=tanh%00relu&bogus=1'));
  assert.ok(warnings.some((w) => w.includes("activation='tanh\\x00relu'")), warnings.join(' | '));
  assert.ok(warnings.some((w) => w.includes("unknown key 'bogus'")), warnings.join(' | '));
});

test('a run that cannot train says why in the status line and stays at epoch 0', async () => {
  const { page } = await openShared();
  for (const [state, why] of [['dataset=custom&seed=n', /no training points/],
                              ['model=perceptron&problem=regression', /regression needs an MLP/],
                              ['model=perceptron&dataset=spiral&classes=6', /two classes only/]]) {
    const r = await page.evaluate((s) => { nnplay.setState(s); nnplay.step(5);
                                           return { epoch: nnplay.metrics().epoch, status: nnplay.status() }; }, state);
    assert.equal(r.epoch, 0, state);
    assert.match(r.status, why, state);
  }
});
