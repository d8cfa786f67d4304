#!/usr/bin/env node
// record_links.mjs: records links as the built page makes them ("Copy link" through the test
// API), with what the sender saw: the epoch, the metrics and the outputs on a grid of points.
// tests/data/links/<name>.json came from this script run on a past build; tests/test_link.cpp
// opens those links with the engine and checks that they still give the same outputs.
// Usage: node scripts/record_links.mjs OUT.json   (after make web; NNPLAY_SITE as for the tests)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const site = process.env.NNPLAY_SITE ? resolve(root, process.env.NNPLAY_SITE)
                                     : join(root, 'build', 'wasm-release');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/record_links.mjs OUT.json');
  process.exit(2);
}

// Each case: a state, optional CSV points, epochs trained, share options.
const CSV = ['x,y,label', '-2,-2,0', '-1.5,-2.5,0', '-2.5,-1,0', '2,2,1', '1.5,2.5,1', '2.5,1,1',
             '-2,2,0', '2,-2,1', '0.5,0.25,1', '-0.5,-0.25,0'].join('\n');
const CASES = [
  { name: 'default-f32', state: '', epochs: 40, share: {} },
  { name: 'relu-adam-f16', state: 'dataset=xor&networkShape=6,4,3&activation=relu&optimizer=adam&learningRate=0.01&seed=rec2',
    epochs: 25, share: { f16: true } },
  { name: 'spiral-4-classes', state: 'dataset=spiral&classes=4&networkShape=8,8&activation=tanh&learningRate=0.1&seed=rec3',
    epochs: 30, share: {} },
  { name: 'regression-gauss', state: 'problem=regression&regDataset=reg-gauss&networkShape=5&activation=sigmoid&learningRate=0.05&seed=rec4',
    epochs: 30, share: {} },
  { name: 'custom-points-weights', state: 'networkShape=3&activation=tanh&learningRate=0.1&seed=rec5',
    csv: CSV, epochs: 15, share: {} },
  { name: 'ensemble-mixed-activations', state: 'dataset=moons&networkShape=4,3&layerActivations=relu,elu&ensemble=3&init=he-normal&regularization=L2&regularizationRate=0.001&seed=rec6',
    epochs: 20, share: {} },
  { name: 'features-swish-momentum', state: 'dataset=circle&x=false&xSquared=true&ySquared=true&sinX=true&networkShape=3&activation=swish&optimizer=momentum&schedule=exp&decayRate=0.97&seed=rec7',
    epochs: 20, share: {} },
  { name: 'state-and-points-only', state: 'networkShape=2&seed=rec8', csv: CSV, epochs: 0, share: {} },
  { name: 'perceptron', state: 'model=perceptron&dataset=gauss&seed=rec9', epochs: 5, share: {} },
];
const GRID = [];
for (const x of [-6, -3.5, -1, 0, 0.7, 2.5, 5.9])
  for (const y of [-5.5, -2, 0, 1.3, 4, 6]) GRID.push([x, y]);

const { server, url } = await serve(site, 0);
const profile = mkdtempSync(join(tmpdir(), 'nnplay-record-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
         '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const records = [];
try {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.nnplay && window.nnplay.ready, null, { timeout: 60000 });
  for (const c of CASES) {
    const record = await page.evaluate((c) => {
      nnplay.pause();
      const warnings = nnplay.setState(c.state);
      if (c.csv && !nnplay.importCsv(c.csv).ok) throw new Error(`${c.name}: CSV refused`);
      if (c.epochs) nnplay.step(c.epochs);
      const link = nnplay.shareLink(c.share);
      return { warnings, link, metrics: nnplay.metrics() };
    }, c);
    if (record.warnings.filter(Boolean).length) throw new Error(`${c.name}: ${record.warnings.join('; ')}`);
    const outputs = await page.evaluate((g) => nnplay.predict(g), GRID);
    const hash = record.link.url.slice(record.link.url.indexOf('#') + 1);
    const m = record.metrics;
    records.push({ name: c.name, link: hash, epoch: m.epoch,
                   metrics: { trainLoss: m.trainLoss, testLoss: m.testLoss },
                   grid: GRID, outputs });
    console.log(`${c.name}: epoch ${m.epoch}, ${hash.length} characters`);
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
writeFileSync(out, JSON.stringify({ made_by: process.env.NNPLAY_MADE_BY || 'unknown', links: records }, null, 1) + '\n');
console.log(`wrote ${records.length} links to ${out}`);
