// history.test.mjs: the address bar holds the state: a control changes it, a hand edit applies,
// Back and Forward step through shared links without reloading. Each test opens its own page
// (harness.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, hashOf, GRID } from './harness.mjs';

useBrowser();

test('changing a control changes the address', async () => {
  const { page, problems } = await openReady();
  await page.evaluate(() => nnplay.setState('learningRate=0.1&noise=10'));
  await page.waitForFunction(() => /noise=10(&|$)/.test(decodeURIComponent(location.hash)), null,
                             { timeout: 10000 }).catch(() => {});
  let hash = await hashOf(page);
  assert.ok(/learningRate=0\.1(&|$)/.test(hash) && /noise=10(&|$)/.test(hash), `hash is ${hash}`);
  // A real click: the "Show test data" checkbox.
  const r = await page.evaluate(() => nnplay.widgetRect('showTestData'));
  assert.ok(r, 'no rect for showTestData');
  await page.mouse.click(r.x + 8, r.y + r.h / 2);
  await page.waitForFunction(() => location.hash.includes('showTestData=true'), null,
                             { timeout: 10000 }).catch(() => {});
  hash = await hashOf(page);
  assert.ok(hash.includes('showTestData=true'), `after clicking "Show test data" the hash is ${hash}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('editing the hash by hand applies it', async () => {
  const { page, problems } = await openReady();
  await page.evaluate(() => { location.hash = 'activation=relu&learningRate=0.3&networkShape=3'; });
  // Applied at the page's next frame: wait for it (a loaded machine may take a while).
  await page.waitForFunction(() => nnplay.getState().includes('networkShape=3&'), null,
                             { timeout: 10000 }).catch(() => {});
  const state = await page.evaluate(() => nnplay.getState());
  assert.ok(state.includes('activation=relu') && state.includes('learningRate=0.3') &&
            state.includes('networkShape=3&'), `state is ${state}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('Back and Forward step through shared links without reloading', async () => {
  const { page, problems } = await openReady('#dataset=circle&seed=hist&networkShape=3');
  const first = await page.evaluate((grid) => {
    window.nnplayMarker = 42;
    nnplay.step(15);
    return { link: nnplay.shareLink(), out: nnplay.predict(grid) };
  }, GRID);
  await page.evaluate(() => { nnplay.setState('dataset=xor&seed=hist2&networkShape=2'); nnplay.step(10); });
  const second = await page.evaluate(() => nnplay.shareLink());
  assert.ok(!first.link.tooLong && !second.tooLong && second.url !== first.link.url, 'two links');
  assert.ok((await page.evaluate(() => location.href)) === second.url, 'the address is not the second link');
  await page.evaluate(() => history.back());
  await page.waitForFunction(() => nnplay.getState().includes('dataset=circle'), null, { timeout: 10000 });
  const back = await page.evaluate((grid) => ({ marker: window.nnplayMarker, out: nnplay.predict(grid),
                                                href: location.href }), GRID);
  assert.ok(back.marker === 42, 'the page reloaded');
  assert.ok(back.href === first.link.url, 'Back did not return to the first link');
  assert.ok(JSON.stringify(back.out) === JSON.stringify(first.out), 'Back did not restore the first weights');
  await page.evaluate(() => history.forward());
  await page.waitForFunction(() => nnplay.getState().includes('dataset=xor'), null, { timeout: 10000 });
  assert.ok(await page.evaluate(() => window.nnplayMarker) === 42, 'Forward reloaded the page');
  assert.ok(problems.length === 0, problems.join('; '));
});
