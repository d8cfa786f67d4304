// keyboard.test.mjs: the page without a mouse, and for screen readers: Tab and Shift+Tab
// move a visible focus ring through the controls in reading order, Space and Enter activate
// the focused control (not the run/pause shortcut), arrows move a focused slider, Escape closes the advanced settings, and
// the live region and the title say the epoch and the loss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, metrics, frames } from './harness.mjs';

useBrowser();

const focused = (page) => page.evaluate(() => nnplay.focused());
const same = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

// Presses key and waits until the focused control is another one than before.
async function press(page, key) {
  const before = await focused(page);
  await page.keyboard.press(key);
  await page.waitForFunction((b) => {
    const f = nnplay.focused();
    return f && !(b && f.x === b.x && f.y === b.y && f.w === b.w && f.h === b.h);
  }, before, { timeout: 15000 }).catch(() => {});
  return focused(page);
}

// Tab until the focus comes back to the first control; every focused control, in order.
async function tabCycle(page, limit = 400) {
  const seen = [await press(page, 'Tab')];
  assert.ok(seen[0], 'Tab gave no control keyboard focus');
  for (let i = 0; i < limit; i++) {
    const f = await press(page, 'Tab');
    if (same(f, seen[0])) return seen;
    seen.push(f);
  }
  assert.fail(`Tab did not come back to the first control after ${limit} presses`);
}

// Tries Tab until the control called name has the focus; false if it never does.
async function tabTo(page, name, limit = 400) {
  for (let i = 0; i < limit; i++) {
    const f = await press(page, 'Tab');
    if (f && f.name === name) return true;
  }
  return false;
}

test('Tab visits every control in reading order and comes back; Shift+Tab goes back', async () => {
  const { page, problems } = await openReady();
  const cycle = await tabCycle(page);
  // Reading order: within a panel rows go down and, within a row, left to right. A new
  // panel (the next column, the status line) starts again from its top: few such restarts.
  let restarts = 0;
  for (let i = 1; i < cycle.length; i++) {
    const a = cycle[i - 1], b = cycle[i];
    const sameRow = Math.abs((b.y + b.h / 2) - (a.y + a.h / 2)) < Math.max(a.h, b.h) / 2;
    if (sameRow && b.x > a.x) continue;
    if (!sameRow && b.y > a.y) continue;
    restarts++;
  }
  assert.ok(restarts <= 5, `focus jumped back ${restarts} times: ${JSON.stringify(cycle.slice(0, 40))}`);
  // Every named control on the screen is reached.
  const names = new Set(cycle.map((f) => f.name));
  for (const name of ['reset', 'play', 'step', 'speed', 'learningRate', 'activation', 'problem', 'advanced',
                      'addLayer', 'removeLayer', 'regenerate', 'showTestData', 'discretize',
                      'learningRateSlider', 'trainShare', 'noise', 'dropout'])
    assert.ok(names.has(name), `Tab never reached ${name} (${[...names].filter(Boolean).join(', ')})`);
  // Shift+Tab: back to the previous control.
  const here = await focused(page);
  await press(page, 'Tab');
  const back = await press(page, 'Shift+Tab');
  assert.ok(same(back, here), `Shift+Tab went to ${JSON.stringify(back)}, not back to ${JSON.stringify(here)}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

// Pixels of the ring's colour in the band just outside a rectangle, from a screenshot.
async function ringPixels(page, r) {
  const pad = 8;
  const clip = { x: Math.max(0, r.x - pad), y: Math.max(0, r.y - pad), width: r.w + 2 * pad, height: r.h + 2 * pad };
  const png = await page.screenshot({ clip });
  return page.evaluate(async ({ b64, inner }) => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d');
    g.drawImage(bitmap, 0, 0);
    const d = g.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let ring = 0;
    for (let y = 0; y < bitmap.height; y++)
      for (let x = 0; x < bitmap.width; x++) {
        const outside = x < inner.x || y < inner.y || x >= inner.x + inner.w || y >= inner.y + inner.h;
        const i = 4 * (y * bitmap.width + x);
        // #1a4fa0: dark blue, far from the page's greys, orange and light blue.
        if (outside && Math.abs(d[i] - 0x1a) < 40 && Math.abs(d[i + 1] - 0x4f) < 40 && Math.abs(d[i + 2] - 0xa0) < 45) ring++;
      }
    return ring;
  }, { b64: png.toString('base64'), inner: { x: r.x - clip.x, y: r.y - clip.y, w: r.w, h: r.h } });
}

test('the focused control has a visible ring (≥ 2 px, dark blue); a click hides it', async () => {
  const { page, problems } = await openReady();
  assert.ok(await tabTo(page, 'step'), 'Tab never reached step');
  const r = await focused(page);
  await frames(page, 3);
  const withRing = await ringPixels(page, r);
  const perimeter = 2 * (r.w + r.h);
  assert.ok(withRing >= perimeter, `${withRing} ring pixels around a ${r.w}×${r.h} control`);
  // A click elsewhere (the status line) ends keyboard focus: no ring.
  const status = await page.evaluate(() => nnplay.widgetRect('status'));
  await page.mouse.click(status.x + 2, status.y + status.h / 2);
  await page.waitForFunction(() => nnplay.focused() === null, null, { timeout: 10000 }).catch(() => {});
  await frames(page, 3);
  assert.equal(await focused(page), null, 'a click left the keyboard focus showing');
  const without = await ringPixels(page, r);
  assert.ok(without < 0.2 * withRing, `${without} ring-coloured pixels remain after the click`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('Space and Enter activate the focused control, not the run/pause shortcut', async () => {
  const { page, problems } = await openReady('#networkShape=2');
  const layers = () => page.evaluate(() => (/networkShape=([^&]*)/.exec(nnplay.getState()) || [0, ''])[1]
    .split(',').filter(Boolean).length);
  assert.ok(await tabTo(page, 'addLayer'), 'Tab never reached addLayer');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /networkShape=2,2/.test(nnplay.getState()), null, { timeout: 10000 }).catch(() => {});
  assert.equal(await layers(), 2, 'Space on the focused + did not add a layer');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /networkShape=2,2,2/.test(nnplay.getState()), null, { timeout: 10000 }).catch(() => {});
  assert.equal(await layers(), 3, 'Enter on the focused + did not add a layer');
  await frames(page, 10);
  assert.equal((await metrics(page)).epoch, 0, 'Space also started training');
  // Without keyboard focus (after a click), Space is run/pause again.
  const status = await page.evaluate(() => nnplay.widgetRect('status'));
  await page.mouse.click(status.x + 2, status.y + status.h / 2);
  await page.waitForFunction(() => nnplay.focused() === null, null, { timeout: 10000 }).catch(() => {});
  await page.keyboard.press('Space');
  await page.waitForFunction(() => nnplay.metrics().epoch > 0, null, { timeout: 20000 }).catch(() => {});
  assert.ok((await metrics(page)).epoch > 0, 'Space without a focused control did not start training');
  await page.evaluate(() => nnplay.pause());
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a focused slider moves with Left and Right at once, as a range input does', async () => {
  const { page, problems } = await openReady('#networkShape=4,2');
  const rate = () => page.evaluate(() => nnplay.dropout().rate);
  assert.ok(await tabTo(page, 'dropout'), 'Tab never reached the dropout slider');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => Math.abs(nnplay.dropout().rate - 0.03) < 1e-6, null, { timeout: 15000 }).catch(() => {});
  assert.ok(Math.abs((await rate()) - 0.03) < 1e-6, `three presses of → gave dropout ${await rate()}, not 0.03`);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => Math.abs(nnplay.dropout().rate - 0.02) < 1e-6, null, { timeout: 15000 }).catch(() => {});
  assert.ok(Math.abs((await rate()) - 0.02) < 1e-6, `← gave dropout ${await rate()}, not 0.02`);
  assert.equal((await focused(page)).name, 'dropout', 'the arrows moved the focus away');
  await frames(page, 5);
  assert.equal((await metrics(page)).epoch, 0, 'an arrow also stepped the run');
  assert.ok(problems.length === 0, problems.join('; '));
});

// Session 12: a screen reader heard nothing as Tab moved (the canvas is one element); the
// focused control is now read out from a live region: its label, value, state and purpose.
test('screen readers: the focused control is read out, with its value and whether it is checked', async () => {
  const { page, problems } = await openReady('#networkShape=4,2&seed=say');
  const live = () => page.evaluate(() => document.getElementById('nnplay-focus').textContent);
  const heard = async (pattern, what) => {
    await page.waitForFunction((p) => new RegExp(p).test(document.getElementById('nnplay-focus').textContent),
                                pattern.source, { timeout: 15000 }).catch(() => {});
    const text = await live();
    assert.match(text, pattern, what);
    assert.equal((await focused(page)).label, text, 'the test API and the live region differ');
  };
  assert.ok(await tabTo(page, 'showTestData'), 'Tab never reached Show test data');
  await heard(/^Show test data, not checked\. \S/, 'a checkbox: its label, its state, its tooltip');
  await page.keyboard.press('Space');
  await heard(/^Show test data, checked\./, 'Space did not read out the new state');
  assert.ok(await tabTo(page, 'dropout'), 'Tab never reached the dropout slider');
  await heard(/^Dropout, 0\.00\. /, 'a slider: its setting and its value');
  await page.keyboard.press('ArrowRight');
  await heard(/^Dropout, 0\.01\. /, 'the slider\'s new value was not read out');
  // Controls without a name of their own: the data set tiles and the regularisation choices.
  await page.keyboard.press('Shift+Tab');
  let said = [];
  for (let i = 0; i < 120 && !said.some((t) => /^Circle, selected$/.test(t)); i++) {
    await press(page, 'Tab');
    said.push(await live());
  }
  assert.ok(said.some((t) => /^Regularisation, None\. /.test(t)), said.join(' | '));
  assert.ok(said.some((t) => /^Circle, selected$/.test(t)), said.join(' | '));
  assert.ok(said.every((t) => /^[A-Za-z0-9]/.test(t)), `a control without a label: ${said.join(' | ')}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('Escape closes the advanced settings', async () => {
  const { page, problems } = await openReady();
  const shown = () => page.evaluate(() => ({ popups: nnplay.openPopups(),
                                             names: nnplay.controls().map((c) => c.name).sort().join(',') }));
  const closed = await shown();
  const r = await page.evaluate(() => nnplay.widgetRect('advanced'));
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction((c) => nnplay.openPopups() !== c.popups ||
    nnplay.controls().map((x) => x.name).sort().join(',') !== c.names, closed, { timeout: 10000 }).catch(() => {});
  const open = await shown();
  assert.notDeepEqual(open, closed, 'the advanced settings did not open');
  await page.keyboard.press('Escape');
  await page.waitForFunction((c) => nnplay.openPopups() === c.popups &&
    nnplay.controls().map((x) => x.name).sort().join(',') === c.names, closed, { timeout: 10000 }).catch(() => {});
  assert.deepEqual(await shown(), closed, 'Escape left the advanced settings open');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('screen readers: the live region and the title name the epoch and the loss', async () => {
  const { page, problems } = await openReady();
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { role: c.getAttribute('role'), label: c.getAttribute('aria-label') };
  });
  assert.equal(canvas.role, 'application');
  assert.ok(canvas.label && /Tab/.test(canvas.label), `canvas label: ${canvas.label}`);
  const live = await page.evaluate(() => document.getElementById('nnplay-summary').getAttribute('aria-live'));
  assert.equal(live, 'polite');
  await page.evaluate(() => nnplay.step(1234));
  await page.waitForFunction(() => /Epoch 1,234\b/.test(document.getElementById('nnplay-summary').textContent),
                             null, { timeout: 10000 }).catch(() => {});
  const text = await page.evaluate(() => document.getElementById('nnplay-summary').textContent);
  assert.match(text, /Epoch 1,234\b/);
  assert.match(text, /Training loss \d+\.\d+, test loss \d+\.\d+, test accuracy \d+%/);
  assert.match(text, /Data: Circle/);
  assert.match(await page.title(), /epoch 1,234, test loss \d/);
  // The live region is not drawn: it takes no room on the page.
  const box = await page.evaluate(() => document.getElementById('nnplay-summary').getBoundingClientRect().width);
  assert.ok(box <= 1, `the live region is ${box} px wide`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('prefers-reduced-motion reaches the page', async () => {
  const { page, problems } = await openReady('', (p) => p.emulateMedia({ reducedMotion: 'reduce' }));
  await page.waitForFunction(() => nnplay.summary().reducedMotion === true, null, { timeout: 10000 }).catch(() => {});
  assert.equal((await page.evaluate(() => nnplay.summary())).reducedMotion, true);
  assert.ok(problems.length === 0, problems.join('; '));
});
