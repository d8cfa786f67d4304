// files.test.mjs: CSV import (all or nothing, errors named by line, points outside the plot),
// the points and model files round-trip, the file picker and the PNG of the output. The two
// test-API tests take turns on one page (openShared); the file picker's has its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { useBrowser, openReady, openShared, frames, pixelStats, GRID, csvOf, root } from './harness.mjs';

useBrowser();

test('a CSV with an error changes nothing and names the line', async () => {
  const { page, problems } = await openShared();
  await page.evaluate(() => nnplay.setState('dataset=circle&seed=csv'));
  const before = await page.evaluate(() => ({ state: nnplay.getState(), points: nnplay.exportCsv() }));
  const r = await page.evaluate((t) => nnplay.importCsv(t), 'x,y,label\n1,2,0\n-1,0.5,1\n3,abc,1\n2,2,0\n');
  assert.ok(r.ok === false && /line 4/.test(r.message) && /abc/.test(r.message), `result: ${JSON.stringify(r)}`);
  const after = await page.evaluate(() => ({ state: nnplay.getState(), points: nnplay.exportCsv(),
                                             status: nnplay.status() }));
  assert.ok(after.state === before.state, 'the state changed');
  assert.ok(after.points === before.points, 'the points changed');
  assert.ok(/line 4/.test(after.status) && /nothing imported/.test(after.status), `status: ${after.status}`);
  // A point outside the plot: refused, unless scaled in.
  const far = csvOf([[12, 0, 0], [-3, 1, 1], [0, -2, 1]]);
  const refused = await page.evaluate((t) => nnplay.importCsv(t), far);
  assert.ok(!refused.ok && /line 2/.test(refused.message) && /outside/.test(refused.message),
            `refused: ${JSON.stringify(refused)}`);
  assert.ok(await page.evaluate(() => nnplay.getState()) === before.state, 'a refused file changed the state');
  const scaled = await page.evaluate((t) => nnplay.importCsv(t, { scale: true }), far);
  assert.ok(scaled.ok && scaled.scale === 0.5, `scaled: ${JSON.stringify(scaled)}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a good CSV imports with its class counts; points and model export round-trip', async () => {
  const { page, problems } = await openShared();
  const rows = [];
  for (let i = 0; i < 60; i++) rows.push([(i % 12) - 5.5, Math.round(i / 7) - 4, i % 3]);
  const r = await page.evaluate((t) => nnplay.importCsv(t), csvOf(rows));
  assert.ok(r.ok && JSON.stringify(r.counts) === '[20,20,20]' && r.points === 60, `result: ${JSON.stringify(r)}`);
  const state = await page.evaluate(() => nnplay.getState());
  assert.ok(state.includes('dataset=custom') && state.includes('classes=3'), `state: ${state}`);
  const csv = await page.evaluate(() => nnplay.exportCsv());
  assert.ok(csv.trim().split('\n').length === 61, `exported ${csv.trim().split('\n').length} lines`);
  // The model: export, change everything, import: the same outputs.
  await page.evaluate(() => nnplay.step(20));
  const saved = await page.evaluate((grid) => ({ model: nnplay.exportModel(), out: nnplay.predict(grid),
                                                 state: nnplay.getState() }), GRID);
  assert.ok(JSON.parse(saved.model).format === 'nnplay-model', 'not a model file');
  await page.evaluate(() => nnplay.setState('dataset=spiral&networkShape=3'));
  const bad = await page.evaluate(() => nnplay.importModel('{"format": "nnplay-model", "version": 1'));
  assert.ok(!bad.ok && /nothing changed/.test(bad.message), `bad model: ${JSON.stringify(bad)}`);
  assert.ok((await page.evaluate(() => nnplay.getState())).includes('dataset=spiral'), 'a bad model changed the state');
  const ok = await page.evaluate((t) => nnplay.importModel(t), saved.model);
  assert.ok(ok.ok, `import: ${JSON.stringify(ok)}`);
  const back = await page.evaluate((grid) => ({ out: nnplay.predict(grid), state: nnplay.getState() }), GRID);
  assert.ok(back.state === saved.state, 'the model did not restore the state');
  assert.ok(JSON.stringify(back.out) === JSON.stringify(saved.out), 'the model did not restore the weights');
  const py = await page.evaluate(() => nnplay.exportPytorch());
  assert.ok(/import torch/.test(py) && /nn\.Sequential/.test(py), 'not a PyTorch script');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('the file picker: a CSV opens the preview, Import takes it; a PNG of the output', async () => {
  const { page, problems } = await openReady('#dataset=gauss&seed=picker');
  const rows = [];
  for (let i = 0; i < 40; i++) rows.push([(i % 10) - 4.5 + 4, (i % 7) - 3, i < 25 ? 0 : 1]);
  rows.push([9, 3, 1]);  // outside the plot
  await page.setInputFiles('#nnplay-file', { name: 'mine.csv', mimeType: 'text/csv',
                                             buffer: Buffer.from(csvOf(rows)) });
  await page.waitForFunction(() => nnplay.widgetRect('csvImport'), null, { timeout: 10000 });
  await frames(page);
  await page.screenshot({ path: join(root, 'build', 'screenshot-csv-preview.png') });
  assert.ok((await page.evaluate(() => nnplay.getState())).includes('dataset=gauss'), 'changed before Import');
  const r = await page.evaluate(() => nnplay.widgetRect('csvImport'));
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => nnplay.getState().includes('dataset=custom'), null, { timeout: 10000 });
  const csv = await page.evaluate(() => nnplay.exportCsv());
  assert.ok(csv.includes('\n6,2,1\n'), 'the point outside was not scaled in (9,3 -> 6,2)');
  // The output plot as a PNG download.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }),
                                        page.evaluate(() => nnplay.exportPng())]);
  assert.ok(download.suggestedFilename() === 'nnplay-output.png', download.suggestedFilename());
  const png = Buffer.from(await readFile(await download.path()));
  assert.ok(png.subarray(1, 4).toString() === 'PNG', 'not a PNG');
  const s = await pixelStats(page, png);
  assert.ok(s.orange > 20 && s.blue > 20, `the picture lacks the class colours (${JSON.stringify(s)})`);
  assert.ok(problems.length === 0, problems.join('; '));
});
