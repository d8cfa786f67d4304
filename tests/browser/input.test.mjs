// input.test.mjs: no input is lost and every device scrolls the right way: quick clicks while
// frames are slow all count, one wheel notch scrolls the network view by about one row in
// the direction of the wheel, on a phone a finger drag scrolls the panel under it, and a tap
// on a text field brings up the on-screen keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, metrics, frames, touchDrag } from './harness.mjs';

useBrowser();

const rect = (page, name) => page.evaluate((n) => nnplay.widgetRect(n), name);
const layers = (q) => (/networkShape=([^&]*)/.exec(q) || [0, ''])[1].split(',').filter(Boolean).length;
const BIG = '#networkShape=64,64,64,64,64,64,64,64';

// A point in the network view's column: between the data panel and the output plot.
async function inNetworkView(page, y) {
  const data = await rect(page, 'regenerate'), plot = await rect(page, 'plot');
  if (!data || !plot) {  // a phone: one section at a time, the network view alone
    const view = await rect(page, 'networkView');
    return { x: view.x + view.w / 2, y };
  }
  return { x: (data.x + data.w + plot.x) / 2, y };
}

// Slows the page's frames down (CPU throttling) for the duration of body.
async function throttled(page, rate, body) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await body();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

// n clicks with no wait between press and release, nor between clicks.
async function quickClicks(page, r, n) {
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  for (let i = 0; i < n; i++) {
    await page.mouse.down();
    await page.mouse.up();
  }
}

test('20 quick clicks on "step" while frames are slow: 20 epochs', async () => {
  const { page, problems } = await openReady();
  const step = await rect(page, 'step');
  assert.ok(step && step.w > 0, 'no rect for step');
  // A big network makes each frame's work heavy too.
  await throttled(page, 8, () => quickClicks(page, step, 20));
  await page.waitForFunction(() => nnplay.metrics().epoch >= 20, null, { timeout: 60000 }).catch(() => {});
  await frames(page, 5);
  const epoch = (await metrics(page)).epoch;
  assert.equal(epoch, 20, `20 clicks on step gave ${epoch} epochs`);
  assert.ok(problems.length === 0, problems.join('; '));
});

// The "+" layer button moves as columns are added (the network view spaces its columns
// out), so quick clicks on it would land elsewhere: the widgets' keys are tested instead.
test('10 quick Space presses on the keyboard-focused step button while frames are slow: 10 epochs', async () => {
  const { page, problems } = await openReady();
  let name = null;
  for (let i = 0; i < 60 && name !== 'step'; i++) {
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => nnplay.focused(), null, { timeout: 10000 }).catch(() => {});
    await frames(page, 1);
    name = ((await page.evaluate(() => nnplay.focused())) || {}).name;
  }
  assert.equal(name, 'step', 'Tab never reached step');
  await throttled(page, 8, async () => {
    for (let i = 0; i < 10; i++) {
      await page.keyboard.down(' ');
      await page.keyboard.up(' ');
    }
  });
  await page.waitForFunction(() => nnplay.metrics().epoch >= 10, null, { timeout: 60000 }).catch(() => {});
  await frames(page, 5);
  const epoch = (await metrics(page)).epoch;
  assert.equal(epoch, 10, `10 Space presses on the focused step gave ${epoch} epochs`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('one wheel notch scrolls the 8×64 network view by about one row, the right way', async () => {
  const { page, problems } = await openReady(BIG);
  const before = await rect(page, 'addLayer');  // the network view's header scrolls with it
  const { nodePx } = await page.evaluate(() => nnplay.stats());
  assert.ok(nodePx > 0, `no neuron size: ${nodePx}`);
  const at = await inNetworkView(page, before.y + 300);
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, 100);  // one notch down (DOM_DELTA_PIXEL, as Chromium sends it)
  await page.waitForFunction((y) => nnplay.widgetRect('addLayer').y !== y, before.y, { timeout: 10000 }).catch(() => {});
  await frames(page, 3);
  const after = await rect(page, 'addLayer');
  const moved = before.y - after.y;  // scrolling down moves the content up
  assert.ok(moved > 0, `one notch down moved the view by ${moved} px (the wrong way, or not at all)`);
  // One notch scrolls one row of neurons (a neuron and the gap under it: web/input.cpp), far
  // from the bottom; tests/browser/polish.test.mjs holds it to a row ± 25 %.
  console.log(`one wheel notch: ${moved} px; a neuron here: ${nodePx} px`);
  assert.ok(moved >= 0.5 * nodePx && moved <= 100, `one notch scrolled ${moved} px (a neuron: ${nodePx} px)`);
  await page.mouse.wheel(0, -100);  // and back up
  await page.waitForFunction((y) => nnplay.widgetRect('addLayer').y === y, before.y, { timeout: 10000 }).catch(() => {});
  assert.equal((await rect(page, 'addLayer')).y, before.y, 'a notch up did not scroll back');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('on a phone (390×844, touch) a finger drag scrolls the panel under it; a tap still clicks', async () => {
  const { page, problems } = await openReady(BIG, (p) => p.setViewportSize({ width: 390, height: 844 }));
  // A phone shows one section at a time: the Network tab first.
  await page.waitForFunction(() => nnplay.widgetRect('tabNetwork'), null, { timeout: 20000 });
  const tab = await rect(page, 'tabNetwork');
  await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await page.waitForFunction(() => nnplay.widgetRect('addLayer'), null, { timeout: 20000 }).catch(() => {});
  await frames(page, 3);
  const before = await rect(page, 'addLayer');
  assert.ok(before && before.w > 0, 'no rect for addLayer');
  const { x, y } = await inNetworkView(page, 600);
  await touchDrag(page, x, y, 0, -150);  // the finger moves up: the view scrolls down
  await frames(page, 3);
  const after = await rect(page, 'addLayer');
  const moved = before.y - after.y;
  assert.ok(moved > 100 && moved < 200, `a 150 px swipe moved the network view by ${moved} px`);
  const state = await page.evaluate(() => nnplay.getState());
  assert.equal(layers(state), 8, 'the swipe changed the network');
  assert.equal((await metrics(page)).epoch, 0, 'the swipe started training');
  // A tap on step: one epoch.
  const step = await rect(page, 'step');
  const cdp = await page.context().newCDPSession(page);
  const point = [{ x: step.x + step.w / 2, y: step.y + step.h / 2, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => nnplay.metrics().epoch === 1, null, { timeout: 10000 }).catch(() => {});
  assert.equal((await metrics(page)).epoch, 1, 'a tap on step did not step once');
  assert.ok(problems.length === 0, problems.join('; '));
});

// A finger's tap on a control, through the DevTools protocol; `hold`: frames between the
// finger's touching and lifting (0: quicker than a frame).
async function touchTap(page, r, hold = 3) {
  const cdp = await page.context().newCDPSession(page);
  const point = [{ x: r.x + r.w / 2, y: r.y + r.h / 2, id: 3 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
  if (hold) await frames(page, hold);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 4);
}
const shapeOf = async (page) => (/networkShape=([^&]*)/.exec(await page.evaluate(() => nnplay.getState())) || [])[1];
const focused = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

// Session 13: a canvas brings up no on-screen keyboard, so on a phone no number or formula
// could be typed. A tap on a text field focuses a hidden <input>; what it receives is typed
// into the field, once (a real keyboard's characters too); Enter lets it go.
test('on a phone a tap on a text field brings up the keyboard, and what it types reaches the field', async () => {
  const { page, problems } = await openReady('#seed=keyboard', (p) => p.setViewportSize({ width: 390, height: 844 }));
  await touchTap(page, await rect(page, 'tabNetwork'));
  await page.waitForFunction(() => nnplay.widgetRect('neuronCount0'), null, { timeout: 20000 });
  const field = await rect(page, 'neuronCount0');
  await touchTap(page, await rect(page, 'step'));  // not a text field: no keyboard
  assert.notEqual(await focused(page), 'nnplay-text', 'a tap on step brought up the keyboard');
  // An on-screen keyboard: text arrives as input events only (no key events).
  await touchTap(page, field);
  assert.equal(await focused(page), 'nnplay-text', 'a tap on the neuron count brought up no keyboard');
  await page.keyboard.insertText('7');
  await frames(page, 3);
  await page.keyboard.press('Enter');
  await frames(page, 6);
  assert.equal(await shapeOf(page), '7,2');
  assert.notEqual(await focused(page), 'nnplay-text', 'Enter left the keyboard up');
  // Types into the neuron count after a tap (`hold` frames), then Enter: the shape it gives.
  const typeInto = async (type, hold = 3) => {
    await touchTap(page, field, hold);
    await type();
    await page.keyboard.press('Enter');
    await frames(page, 6);
    return shapeOf(page);
  };
  // A tap quicker than a frame; a real keyboard (each character once, Backspace, Enter).
  assert.equal(await typeInto(async () => {
    assert.equal(await focused(page), 'nnplay-text', 'a quick tap brought up no keyboard');
    await page.keyboard.type('12');
    await page.keyboard.press('Backspace');
  }, 0), '1,2');
  // A keyboard's suggestion replaces what was typed: the field follows.
  assert.equal(await typeInto(async () => {
    await page.evaluate(() => {
      const agent = document.getElementById('nnplay-text');
      for (const text of ['1', '12', '9']) {
        agent.value = text;
        agent.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText' }));
      }
    });
    await frames(page, 3);
  }), '9,2');
  // An arrow key moves both carets: what is typed next goes where the caret is.
  assert.equal(await typeInto(async () => {
    await page.keyboard.type('4');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('2');
  }), '24,2');
  // The keyboard comes up over the lower half (the window gets shorter): the field stays in view.
  await touchTap(page, field);
  await page.setViewportSize({ width: 390, height: 360 });
  await frames(page, 8);
  const shown = await rect(page, 'neuronCount0');
  assert.ok(shown.y >= 0 && shown.y + shown.h <= 360, `the field went out of view: ${JSON.stringify(shown)}`);
  const controls = await page.evaluate(() => nnplay.controls().filter((c) => c.name === 'neuronCount0'));
  assert.ok(controls[0] && controls[0].visible, `the field is hidden in its panel: ${JSON.stringify(controls)}`);
  await page.keyboard.insertText('5');
  await page.keyboard.press('Enter');
  await frames(page, 6);
  assert.equal(await shapeOf(page), '5,2');
  assert.ok(problems.length === 0, problems.join('; '));
});

// Session 13: a finger has no hover, so the tooltips (what each control does, in the
// syllabus's words) were out of a phone's reach, except as a flash under a tap that also
// clicked. A finger held still on a control shows its tooltip and lifts without a click.
test('on a phone a finger held on a control shows its tooltip and lifts without a click', async () => {
  const { page, problems } = await openReady('#seed=longpress', (p) => p.setViewportSize({ width: 390, height: 844 }));
  const cdp = await page.context().newCDPSession(page);
  // Holds a finger on r for 0.7 s; the tooltip seen before it lifts.
  const hold = async (r) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: r.x + r.w / 2, y: r.y + r.h / 2, id: 4 }] });
    await page.waitForTimeout(700);
    await frames(page, 3);
    const tooltip = await page.evaluate(() => nnplay.tooltip());
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await frames(page, 6);
    return tooltip;
  };
  const step = await rect(page, 'step');
  assert.ok(await hold(step), 'no tooltip under the held finger');
  assert.equal((await metrics(page)).epoch, 0, 'the long press stepped');
  assert.equal(await page.evaluate(() => nnplay.tooltip()), null, 'the tooltip stayed after the finger lifted');
  // The speed's tooltip is wider than a phone at 24 em: it wraps at the screen's width.
  const tooltip = await hold(await rect(page, 'speed'));
  assert.ok(tooltip && tooltip.x >= 0 && tooltip.x + tooltip.w <= 390 + 0.5, `the tooltip leaves the screen: ${JSON.stringify(tooltip)}`);
  await touchTap(page, step);
  await page.waitForFunction(() => nnplay.metrics().epoch === 1, null, { timeout: 10000 }).catch(() => {});
  assert.equal((await metrics(page)).epoch, 1, 'a tap after it did not step');
  assert.ok(problems.length === 0, problems.join('; '));
});
