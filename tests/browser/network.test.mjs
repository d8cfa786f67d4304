// network.test.mjs: the network view's controls show their effect (the limits, typed neuron
// counts, a deep network's output within reach, an ensemble's members) and the messages stay
// short and counted (the status line, the message log). The first three tests take turns on one
// page (openShared); the others open their own (a scrolled view, a link's load, a message log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReady, openShared, frames } from './harness.mjs';

useBrowser();

// A key held for a few frames: ImGui 1.86 reads widgets' keys once a frame, and a press and
// release between two frames would be lost (the "no lost input" is another task).
async function tap(page, key) {
  await page.keyboard.down(key);
  await frames(page, 3);
  await page.keyboard.up(key);
  await frames(page, 3);
}

const rect = (page, name) => page.evaluate((n) => nnplay.widgetRect(n), name);
const shape = (page) => page.evaluate(() => (/networkShape=([^&]*)/.exec(nnplay.getState()) || [0, ''])[1]);
const inside = (r, box) => r.x >= box.x - 0.5 && r.y >= box.y - 0.5 &&
  r.x + r.w <= box.x + box.w + 0.5 && r.y + r.h <= box.y + box.h + 0.5;

test('at the limits "+" and "-" are disabled, and clicking them changes nothing', async () => {
  const { page, problems } = await openShared('#networkShape=64,64,64,64,64,64,64,64');
  await page.waitForFunction(() => nnplay.widgetRect('addNeuron7'), null, { timeout: 20000 });
  const add = await rect(page, 'addLayer');
  const neuron = await rect(page, 'addNeuron0');
  assert.ok(add.disabled && neuron.disabled, `addLayer ${JSON.stringify(add)}, addNeuron0 ${JSON.stringify(neuron)}`);
  assert.ok(!(await rect(page, 'removeNeuron0')).disabled, 'removeNeuron0 is disabled at 64 neurons');
  for (const r of [add, neuron])
    assert.ok(r.w >= 24 && r.h >= 24, `a target smaller than 24 × 24 CSS px: ${JSON.stringify(r)}`);
  await page.mouse.click(add.x + add.w / 2, add.y + add.h / 2);
  await page.mouse.click(neuron.x + neuron.w / 2, neuron.y + neuron.h / 2);
  await frames(page, 5);
  assert.equal(await shape(page), '64,64,64,64,64,64,64,64');

  await page.evaluate(() => nnplay.setState('networkShape=1'));
  await page.waitForFunction(() => nnplay.widgetRect('removeNeuron0') && nnplay.widgetRect('removeNeuron0').disabled,
                             null, { timeout: 20000 });
  assert.ok(!(await rect(page, 'addNeuron0')).disabled, 'addNeuron0 is disabled at 1 neuron');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('perceptron: the layer buttons are disabled and the header stays whole', async () => {
  const { page, problems } = await openShared('#model=perceptron');
  await page.waitForFunction(() => nnplay.widgetRect('addLayer') && nnplay.widgetRect('addLayer').disabled,
                             null, { timeout: 20000 });
  const add = await rect(page, 'addLayer');
  const view = await rect(page, 'networkView');
  assert.ok(inside(add, view), `"+" at ${JSON.stringify(add)} outside the network view ${JSON.stringify(view)}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('typing 64 into a layer\'s count gives 64 neurons', async () => {
  const { page, problems } = await openShared('#networkShape=4,2');
  const field = await rect(page, 'neuronCount0');
  assert.ok(field && field.w > 0, `no neuronCount0: ${JSON.stringify(field)}`);
  await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
  await frames(page, 3);
  await page.keyboard.down('Control');
  await tap(page, 'a');
  await page.keyboard.up('Control');
  for (const key of ['Backspace', '6', '4', 'Enter']) await tap(page, key);
  await page.waitForFunction(() => /networkShape=64,2(&|$)/.test(nnplay.getState()), null, { timeout: 20000 })
    .catch(() => {});
  assert.equal(await shape(page), '64,2');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('8 hidden layers: the output neuron lies inside the network view', async () => {
  const { page, problems } = await openReady('#networkShape=8,8,8,8,8,8,8,8');
  await page.waitForFunction(() => nnplay.widgetRect('addNeuron7'), null, { timeout: 20000 });
  await frames(page, 3);
  let out = await rect(page, 'outputNeuron');
  const view = await rect(page, 'networkView');
  assert.ok(out && view, 'no rect for the output neuron or the network view');
  // When the columns cannot narrow further the view scrolls sideways: the output neuron must
  // then be reachable, a few horizontal wheel notches away.
  for (let notch = 0; notch < 20 && !inside(out, view); ++notch) {
    await page.mouse.move(view.x + view.w / 2, view.y + view.h / 2);
    await page.mouse.wheel(100, 0);
    await frames(page, 2);
    out = await rect(page, 'outputNeuron');
  }
  assert.ok(inside(out, view), `output ${JSON.stringify(out)} outside the view ${JSON.stringify(view)}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('an ensemble: the member selector switches the weights drawn', async () => {
  const { page, problems } = await openReady('#ensemble=3&networkShape=3&seed=members');
  await page.waitForFunction(() => nnplay.widgetRect('memberNext'), null, { timeout: 20000 });
  const first = await page.evaluate(() => nnplay.networkView());
  assert.ok(first.member === 0 && first.members === 3 && first.linksDrawn > 0, JSON.stringify(first));
  assert.ok((await rect(page, 'memberPrev')).disabled, '"<" is enabled at member 1');
  const next = await rect(page, 'memberNext');
  await page.mouse.click(next.x + next.w / 2, next.y + next.h / 2);
  await page.waitForFunction(() => nnplay.networkView().member === 1, null, { timeout: 20000 }).catch(() => {});
  await frames(page, 3);
  const second = await page.evaluate(() => nnplay.networkView());
  assert.equal(second.member, 1);
  assert.ok(second.linksSum !== first.linksSum, `the same weights drawn: ${first.linksSum} and ${second.linksSum}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

// The selector sits under the output, ending at its right edge. With the columns close, it ran
// over the last hidden layer's neurons (8 x 64), and on a phone over both hidden layers' (the
// default network): now it goes below the columns it reaches over, or, where they are taller
// than the view, right of the last hidden layer (the view scrolls sideways to it).
for (const [size, link] of [[{ width: 1280, height: 800 }, '#ensemble=2&networkShape=64,64,64,64,64,64,64,64&numSamples=50'],
                            [{ width: 390, height: 844 }, '#ensemble=3&seed=phone']]) {
  test(`an ensemble at ${size.width}x${size.height} (${link}): the member selector sits clear of every neuron`, async () => {
    const { page, problems } = await openReady(link, (p) => p.setViewportSize(size));
    if (size.width < 600) {
      const tab = await rect(page, 'tabNetwork');
      await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
    }
    await page.waitForFunction(() => nnplay.widgetRect('memberNext'), null, { timeout: 20000 });
    await frames(page, 2);
    const { rects } = await page.evaluate(() => JSON.parse(Module.ccall('nnplay_api_layout', 'string', [], [])));
    const columns = Object.keys(rects).filter((k) => k.startsWith('networkColumn'));
    assert.ok(columns.length >= 2, Object.keys(rects).join(' '));
    const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (const name of ['memberPrev', 'memberLabel', 'memberNext']) {
      const r = rects[name];
      for (const c of columns)
        assert.ok(!overlap(r, rects[c]), `${name} ${JSON.stringify(r)} over ${c} ${JSON.stringify(rects[c])}`);
      // In the view, or in reach of its scroll.
      assert.ok((r.x + r.w <= r.area.x + r.area.w || r.scrollsX) && (r.y + r.h <= r.area.y + r.area.h || r.scrollsY),
                `${name} out of reach: ${JSON.stringify(r)}`);
    }
    assert.ok(problems.length === 0, problems.join('; '));
  });
}

test('a link with 3,000 unknown keys gives one status line', async () => {
  let hash = '#noise=5';
  for (let i = 0; i < 3000; i++) hash += `&unknown${i}=1`;
  const { page, problems } = await openReady(hash);
  await frames(page, 3);
  const status = await page.evaluate(() => nnplay.status());
  assert.ok(status.includes('3,000 unknown keys ignored'), `status: ${status.slice(0, 300)}`);
  assert.ok(status.length < 300, `status is ${status.length} characters`);
  const line = await rect(page, 'status');
  const messages = await rect(page, 'messages');
  assert.ok(line.h <= messages.h + 1, `the status line is ${line.h} px high`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('the message log lists each message once, counted, and Escape closes it', async () => {
  const { page, problems } = await openReady();
  for (let i = 0; i < 3; i++) {
    // A frame between the two: the log follows what the status line showed.
    await page.evaluate(() => nnplay.setState('networkShape=0,0,0&fooBar=1'));
    await frames(page, 2);
    await page.evaluate(() => nnplay.setState(''));
    await frames(page, 2);
  }
  await frames(page, 3);
  const log = await page.evaluate(() => nnplay.messages());
  const shapes = log.filter((m) => m.text.includes('networkShape'));
  assert.equal(shapes.length, 1, JSON.stringify(log));
  assert.equal(shapes[0].count, 3, JSON.stringify(shapes));
  assert.ok(log.some((m) => m.text.includes('fooBar')), JSON.stringify(log));
  const button = await rect(page, 'messages');
  await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
  await page.waitForFunction(() => nnplay.widgetRect('messageLog'), null, { timeout: 20000 });
  await tap(page, 'Escape');
  await page.waitForFunction(() => !nnplay.widgetRect('messageLog'), null, { timeout: 20000 });
  assert.ok(problems.length === 0, problems.join('; '));
});
