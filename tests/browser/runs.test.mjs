// runs.test.mjs: the Runs panel (issue 15): two runs go into the history and compare (the
// table's rows), a rewind continued from a snapshot equals an uninterrupted run bit for bit
// (weights through the test API), a 3-seed sweep completes with 3 results, and goes on with the
// Runs panel closed (its progress in a bar under the Runs button; Stop cancels it). Screenshots
// build/screenshots/compare.png, sweep.png and sweep-background.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openReady, root, frames } from './harness.mjs';

useBrowser();
const shots = join(root, 'build', 'screenshots');

test('two runs go into the history and compare side by side', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=cmp&networkShape=3');
  await page.evaluate(() => { nnplay.openRuns(); nnplay.step(20); nnplay.keepRun(); });
  // A change that rebuilds the network ends the second run by itself.
  await page.evaluate(() => { nnplay.setState('dataset=circle&seed=cmp&networkShape=5,2&learningRate=0.1&dropout=0.1'); });
  await page.waitForFunction(() => nnplay.getState().includes('networkShape=5,2'));
  await page.evaluate(() => nnplay.step(30));
  await page.evaluate(() => nnplay.setState('dataset=circle&seed=cmp&networkShape=2'));
  await page.waitForFunction(() => nnplay.runs().history.length === 2, null, { timeout: 10000 });
  const runs = await page.evaluate(() => nnplay.runs());
  assert.deepEqual(runs.history.map((r) => r.epochs), [20, 30]);
  assert.ok(runs.history.every((r) => r.curve >= 2 && r.thumb === 24 * 24), JSON.stringify(runs.history));
  await page.evaluate((ids) => ids.forEach((id) => nnplay.selectRun(id)), runs.history.map((r) => r.id));
  const compare = await page.evaluate(() => nnplay.runs().compare);
  const names = compare.map((r) => r.name);
  for (const name of ['networkShape', 'learningRate', 'epochs', 'test loss', 'epochs to target', 'seconds to target'])
    assert.ok(names.includes(name), `no row ${name} in ${names}`);
  assert.ok(!names.includes('dataset'), 'a setting that is the same is listed');
  const shape = compare.find((r) => r.name === 'networkShape');
  assert.deepEqual(shape.cells, ['3', '5,2']);
  assert.deepEqual(compare.find((r) => r.name === 'epochs').cells, ['20', '30']);
  // A setting a link leaves out at its default still differs: the first run has no dropout key.
  const dropout = compare.find((r) => r.name === 'dropout');
  assert.ok(dropout && dropout.cells[1] === '0.1' && dropout.cells[0] !== '0.1', JSON.stringify(compare));
  await page.waitForFunction(() => nnplay.widgetRect('runsCompare'), null, { timeout: 10000 });
  mkdirSync(shots, { recursive: true });
  // Hovered, the chart reads each run's loss at the epoch under the mouse.
  const chart = await page.evaluate(() => nnplay.widgetRect('runsChart'));
  assert.equal(await page.evaluate(() => nnplay.tooltip()), null);
  await page.mouse.move(chart.x + chart.w * 0.6, chart.y + chart.h * 0.4);
  await frames(page, 3);
  const readout = await page.evaluate(() => nnplay.tooltip());
  assert.ok(readout && readout.h > 40, `no readout over the chart: ${JSON.stringify(readout)}`);
  await page.screenshot({ path: join(shots, 'compare.png') });
  await page.mouse.move(5, 5);
  // The curves show the test loss, or the training loss at a click.
  assert.equal((await page.evaluate(() => nnplay.runs())).compareCurve, 'test');
  const train = await page.evaluate(() => nnplay.widgetRect('runsCurveTrain'));
  await page.mouse.click(train.x + train.w / 2, train.y + train.h / 2);
  await page.waitForFunction(() => nnplay.runs().compareCurve === 'train', null, { timeout: 10000 });
  assert.ok(problems.length === 0, problems.join('; '));
});

test('rewind and continue equals an uninterrupted run, bit for bit', async () => {
  const { page, problems } = await openReady('#dataset=xor&seed=rw&networkShape=4,2&optimizer=adam&batchSize=7&schedule=exp&decayRate=0.95');
  const whole = await page.evaluate(() => {
    for (let i = 0; i < 12; ++i) nnplay.step(1);
    return nnplay.params();
  });
  const kept = await page.evaluate(() => nnplay.runs().snapshots);
  assert.deepEqual(kept, [0, 1, 2, 4, 8, 12]);
  const epoch = await page.evaluate(() => nnplay.viewSnapshot(3));
  assert.equal(epoch, 4);
  assert.equal(await page.evaluate(() => nnplay.runs().viewEpoch), 4);
  const again = await page.evaluate(() => {
    nnplay.continueRun();
    for (let i = 0; i < 8; ++i) nnplay.step(1);
    return { params: nnplay.params(), runs: nnplay.runs(), chart: nnplay.chart() };
  });
  assert.equal(again.runs.viewEpoch, -1);
  assert.deepEqual(again.runs.snapshots, [0, 1, 2, 4, 8, 12]);
  assert.equal(again.chart.lastEpoch, 12);
  assert.deepEqual(again.params, whole, 'the continued run differs from the uninterrupted one');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a 3-seed sweep completes with 3 results, bad sizes are refused', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=sw&networkShape=3&numSamples=100');
  const bad = await page.evaluate(() => nnplay.sweep(0, 10));
  assert.match(bad, /seeds must be 1\.\.50/);
  await page.evaluate(() => { nnplay.openRuns(); nnplay.sweep(3, 40); });
  await page.waitForFunction(() => { const s = nnplay.runs().sweep; return s && s.done; }, null, { timeout: 60000 });
  const sweep = await page.evaluate(() => nnplay.runs().sweep);
  assert.deepEqual(sweep.results.map((r) => r.seed), ['sw/1', 'sw/2', 'sw/3']);
  assert.ok(sweep.results.every((r) => r.epoch === 40 && r.testAcc >= 0 && r.testAcc <= 1), JSON.stringify(sweep));
  await page.waitForFunction(() => nnplay.widgetRect('runsSweepResults'), null, { timeout: 10000 });
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'sweep.png') });
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a sweep goes on while another panel is shown, its progress under the Runs button; Stop cancels one', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=bg&networkShape=3&numSamples=200');
  // The Learn panel is shown, not Runs: the sweep trains anyway.
  const learn = await page.evaluate(() => nnplay.widgetRect('learn'));
  await page.mouse.click(learn.x + learn.w / 2, learn.y + learn.h / 2);
  await page.waitForFunction(() => nnplay.lessons().panel);
  await page.mouse.move(1100, 700);  // no tooltip over the top bar in the screenshot
  const button = await page.evaluate(() => nnplay.widgetRect('runs'));
  assert.equal(await page.evaluate(() => nnplay.sweep(3, 4000)), '');
  // While it runs, a bar under the Runs button fills as far as it is; the button keeps its width.
  await page.waitForFunction(() => { const s = nnplay.runs().sweep; return s && s.progress > 0 && !s.done; });
  await page.waitForFunction(() => nnplay.widgetRect('runsProgress'));
  const bar = await page.evaluate(() => nnplay.widgetRect('runsProgress'));
  const busy = await page.evaluate(() => nnplay.widgetRect('runs'));
  assert.equal(busy.w, button.w, 'the Runs button changed its width');
  assert.ok(bar.w > 0 && bar.w <= busy.w && bar.y >= busy.y && bar.y + bar.h <= busy.y + busy.h + 0.5, JSON.stringify({ bar, busy }));
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'sweep-background.png'), clip: { x: 0, y: 0, width: 1280, height: 120 } });
  await page.waitForFunction(() => { const s = nnplay.runs().sweep; return s && s.done; }, null, { timeout: 120000 });
  assert.ok((await page.evaluate(() => nnplay.lessons().panel)), 'the Learn panel stayed open');
  assert.equal((await page.evaluate(() => nnplay.runs().sweep)).results.length, 3);
  assert.match(await page.evaluate(() => nnplay.status()), /Seed sweep done: 3 seeds, test accuracy/);
  await frames(page, 2);
  assert.equal(await page.evaluate(() => nnplay.widgetRect('runsProgress')), null, 'the bar stays after the sweep');
  // A long one, stopped from the Runs panel: no sweep left, said in the status line.
  assert.equal(await page.evaluate(() => nnplay.sweep(50, 5000)), '');
  await page.evaluate(() => nnplay.openRuns());
  await page.waitForFunction(() => nnplay.widgetRect('runsSweep'));
  const stop = await page.evaluate(() => nnplay.widgetRect('runsSweep'));
  await page.mouse.click(stop.x + stop.w / 2, stop.y + stop.h / 2);
  await page.waitForFunction(() => nnplay.runs().sweep === null);
  assert.match(await page.evaluate(() => nnplay.status()), /Seed sweep stopped/);
  assert.ok(problems.length === 0, problems.join('; '));
});

// Session 8 (issue 15): on a phone (390×844) the sweep's bar shows under the More tab from
// any tab, and under the Runs button inside More (the desktop's Runs button is not drawn there).
test('on a phone a running sweep shows its progress under More and under its Runs button', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=ph&networkShape=3&numSamples=200',
                                             (p) => p.setViewportSize({ width: 390, height: 844 }));
  assert.equal(await page.evaluate(() => nnplay.sweep(3, 4000)), '');
  await page.waitForFunction(() => { const s = nnplay.runs().sweep; return s && s.progress > 0 && !s.done; });
  // From the first tab: the bar lies along the bottom of the More tab.
  await page.waitForFunction(() => nnplay.widgetRect('runsProgress') && nnplay.widgetRect('tabMore'));
  const more = await page.evaluate(() => nnplay.widgetRect('tabMore'));
  const under = await page.evaluate(() => nnplay.widgetRect('runsProgress'));
  assert.ok(under.w > 0 && under.w <= more.w && under.x >= more.x - 0.5 && under.y >= more.y &&
            under.y + under.h <= more.y + more.h + 0.5, JSON.stringify({ under, more }));
  // In More, its Runs button carries it.
  await page.mouse.click(more.x + more.w / 2, more.y + more.h / 2);
  await page.waitForFunction(() => nnplay.widgetRect('moreRuns'));
  await frames(page, 2);
  const runs = await page.evaluate(() => nnplay.widgetRect('moreRuns'));
  const bar = await page.evaluate(() => nnplay.widgetRect('runsProgress'));
  assert.ok(bar && bar.w > 0 && bar.w <= runs.w && bar.y >= runs.y && bar.y + bar.h <= runs.y + runs.h + 0.5,
            JSON.stringify({ bar, runs }));
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'sweep-phone.png') });
  assert.ok(problems.length === 0, problems.join('; '));
});

// By keyboard: Tab reaches each run's box in the history, a screen reader hears which run it
// is (the box has no text of its own), and Space ticks it for the comparison; on through the
// comparison and the sweep, every stop has words (the number fields' − and + had none, the
// table headers were empty stops).
test('Tab reaches a run in the history by its name, Space picks it for the comparison, and every number field has words', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=keys');
  for (let k = 0; k < 2; ++k) await page.evaluate((k) => { nnplay.setState(`dataset=circle&seed=keys${k}`); nnplay.step(3); nnplay.keepRun(); }, k);
  await page.evaluate(() => nnplay.openRuns());
  await page.waitForFunction(() => nnplay.widgetRect('runsKeep'), null, { timeout: 10000 });
  let label = '';
  for (let i = 0; i < 100 && !/^Run \d+, in the comparison, not checked/.test(label); ++i) {
    await page.keyboard.press('Tab');
    await frames(page, 2);
    label = (await page.evaluate(() => nnplay.focused()))?.label ?? '';
  }
  assert.match(label, /^Run \d+, in the comparison, not checked/);
  const id = Number(label.match(/^Run (\d+)/)[1]);
  await page.keyboard.press('Space');
  await page.waitForFunction((id) => nnplay.runs().history.some((r) => r.id === id && r.selected), id, { timeout: 10000 });
  // On through the comparison and the seed sweep: every stop has words, the number fields'
  // − and + too (ImGui draws their label after them, so they had none).
  for (const r of await page.evaluate(() => nnplay.runs().history)) await page.evaluate((r) => nnplay.selectRun(r, true), r.id);
  const said = [];
  for (let i = 0; i < 60 && !/^Run \d+ seeds/.test(said.at(-1) ?? ''); ++i) {
    await page.keyboard.press('Tab');
    await frames(page, 2);
    said.push((await page.evaluate(() => nnplay.focused()))?.label ?? '');
  }
  for (const want of [/^Target test loss, 0\.\d{3}/, /^Target test loss, down by 0\.01/, /^Target test loss, up by 0\.01/,
                      /^Seeds, \d+/, /^Seeds, down by 1/, /^Seeds, up by 1/, /^Epochs each, \d+/, /^Epochs each, up by 50/,
                      /^Run \d+ seeds/])
    assert.ok(said.some((t) => want.test(t)), `${want} not heard: ${said.join(' | ')}`);
  assert.ok(said.every((t) => /^[A-Za-z0-9]/.test(t)), `a control without words: ${said.join(' | ')}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

// Software WebGL pays per triangle: each run's 24² boundary thumbnail is one image from one
// texture (as a rectangle a cell, twelve runs cost 18,000 more triangles a frame: 31 fps
// against 43 with the panel closed). Last in this file: the history it leaves in the browser
// would push the other tests' buttons down the panel.
test('twelve or more runs in the history cost the frame a few triangles each', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=many');
  for (let k = 0; k < 12; ++k) {
    await page.evaluate((k) => { nnplay.setState(`dataset=circle&seed=many${k}`); nnplay.step(3); }, k);
    await page.evaluate(() => nnplay.keepRun());
  }
  await page.waitForFunction(() => nnplay.runs().history.length >= 12, null, { timeout: 10000 });
  await frames(page, 5);
  const closed = await page.evaluate(() => nnplay.speed().triangles);
  await page.evaluate(() => nnplay.openRuns());
  await page.waitForFunction(() => nnplay.widgetRect('runsKeep'), null, { timeout: 10000 });
  await frames(page, 5);
  const open = await page.evaluate(() => nnplay.speed().triangles);
  assert.ok(open - closed < 4000, `the Runs panel adds ${open - closed} triangles`);
  assert.ok(problems.length === 0, problems.join('; '));
});

// Eight runs ticked: the chart has six colours and line styles, so the six newest are compared
// (the table's columns were too narrow to read and the curves repeated their styles), and the
// panel says so.
test('eight runs ticked compare the six newest', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=newest');
  for (let k = 1; k <= 8; ++k)
    await page.evaluate((k) => { nnplay.setState(`dataset=circle&seed=newest${k}`); nnplay.step(k); nnplay.keepRun(); }, k);
  // (The history is the browser's: earlier tests' runs stay in it, unticked here.)
  await page.evaluate(() => {
    nnplay.openRuns();
    for (const r of nnplay.runs().history) nnplay.selectRun(r.id, /^newest\d$/.test(r.seed));
  });
  await frames(page, 3);
  const runs = await page.evaluate(() => nnplay.runs());
  assert.equal(runs.history.filter((r) => r.selected).length, 8, JSON.stringify(runs.history.map((r) => [r.seed, r.epochs, r.selected])));
  const epochs = runs.compare.find((r) => r.name === 'epochs');
  assert.deepEqual(epochs?.cells, ['3', '4', '5', '6', '7', '8'], JSON.stringify(runs.compare));
  // The screenshot shows the comparison: the panel scrolled down to its chart.
  const panel = await page.evaluate(() => nnplay.widgetRect('runsKeep'));
  await page.mouse.move(panel.x + 20, panel.y + 100);
  for (let k = 0; k < 30; ++k) {
    const chart = await page.evaluate(() => nnplay.widgetRect('runsCurveTest'));
    if (chart && chart.y < 200) break;
    await page.mouse.wheel(0, 120);
    await frames(page, 2);
  }
  await page.screenshot({ path: join(shots, 'compare-eight.png') });
  assert.ok(problems.length === 0, problems.join('; '));
});
