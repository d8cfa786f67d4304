// formula.test.mjs: formulas on the page (issue 14 item 6, issue 15 formula data): a formula
// activation from a link trains and shows in its field, a refused formula's error names its
// column in place, and a formula data set has points of both classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openReady, frames, metrics, root } from './harness.mjs';

useBrowser();

// A key held for a few frames: ImGui 1.86 reads keys once a frame.
async function tap(page, key) {
  await page.keyboard.down(key);
  await frames(page, 3);
  await page.keyboard.up(key);
  await frames(page, 3);
}

const formula = (page) => page.evaluate(() => nnplay.formula());

test('a formula activation from a link trains, and a refused one shows its column', async () => {
  const { page, problems } = await openReady('#activation=x*sigmoid(x)');
  await page.waitForFunction(() => nnplay.widgetRect('activationFormula'), null, { timeout: 20000 });
  assert.equal((await formula(page)).fields.activationFormula.shown, 'x*sigmoid(x)');
  await page.evaluate(() => nnplay.play());
  await page.waitForFunction(() => nnplay.metrics().epoch >= 3, null, { timeout: 60000 });
  await page.evaluate(() => nnplay.pause());
  const m = await metrics(page);
  assert.ok(Number.isFinite(m.trainLoss) && Number.isFinite(m.testLoss), JSON.stringify(m));

  // Typed over with a name the engine does not know: refused, the field keeps the typing.
  const field = await page.evaluate(() => nnplay.widgetRect('activationFormula'));
  await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
  await frames(page, 3);
  await page.keyboard.down('Control');
  await tap(page, 'a');
  await page.keyboard.up('Control');
  await tap(page, 'Backspace');
  await page.keyboard.type('x*q(x)', { delay: 60 });
  await frames(page, 3);
  await tap(page, 'Enter');
  await page.waitForFunction(() => nnplay.formula().fields.activationFormula.error !== '', null,
                             { timeout: 20000 });
  const f = (await formula(page)).fields.activationFormula;
  assert.equal(f.typed, 'x*q(x)');
  assert.match(f.error, /'q'.* at 3$/);
  assert.ok(await page.evaluate(() => nnplay.widgetRect('activationFormulaError')), 'no error shown in place');
  const state = decodeURIComponent(await page.evaluate(() => nnplay.getState()));
  assert.ok(state.includes('sigmoid(x)') && !state.includes('q(x)'), state);
  await page.evaluate(() => nnplay.step(1));  // still trains with the formula it had
  assert.ok(Number.isFinite((await metrics(page)).trainLoss));

  // A good one applies on Enter, and undo takes it back like any other change.
  await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);  // Enter left the field
  await frames(page, 3);
  await page.keyboard.down('Control');
  await tap(page, 'a');
  await page.keyboard.up('Control');
  await tap(page, 'Backspace');
  await page.keyboard.type('x+tanh(x)', { delay: 60 });
  await frames(page, 3);
  await tap(page, 'Enter');
  await page.waitForFunction(() => decodeURIComponent(nnplay.getState()).includes('x+tanh(x)'), null,
                             { timeout: 20000 });
  assert.equal((await formula(page)).fields.activationFormula.error, '');
  await page.mouse.click(5, 790);  // off the field, so Ctrl+Z goes to the page's undo
  await frames(page, 3);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => decodeURIComponent(nnplay.getState()).includes('x*sigmoid(x)'), null,
                             { timeout: 20000 });
  assert.equal((await formula(page)).fields.activationFormula.shown, 'x*sigmoid(x)');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a formula data set has points of both classes and its field shows the formula', async () => {
  const { page, problems } = await openReady('#dataset=formula&formula=x2-sin(x1)');
  await page.waitForFunction(() => nnplay.widgetRect('dataFormula'), null, { timeout: 20000 });
  const got = await formula(page);
  assert.equal(got.fields.dataFormula.shown, 'x2-sin(x1)');
  assert.ok(got.classes[0] > 20 && got.classes[1] > 20, `classes ${got.classes}`);
  await frames(page, 5);
  mkdirSync(join(root, 'build', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'build', 'screenshots', 'formula.png') });
  assert.ok(problems.length === 0, problems.join('; '));
});
