// layout.test.mjs: the responsive layout from a phone to 4K. At each size a screenshot goes to
// build/screenshots/<size>.png (look at them); every named control lies inside its scroll area
// and every scroll area inside the viewport, with the default network and with 8 hidden
// layers × 64 neurons and 6 classes, and no control's label is wider than the control; the
// output plot grows with a 4K window; a 9-digit-wide epoch counter moves no control; phones
// held sideways, a short window and a tablet get a layout that fits them. Uses its own
// browser: phones need a touch context. One page
// per size, loaded once and shared by the tests of this file (a 4K page takes seconds to load
// and settle): each test sets the state it needs through the test API, as a link would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { ARGS, CHROMIUM, root, site, touchDrag } from './harness.mjs';

const SIZES = [
  { width: 360, height: 640, touch: true },
  { width: 390, height: 844, touch: true },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
const BIG = 'dataset=blobs&classes=6&networkShape=64,64,64,64,64,64,64,64';
const shots = join(root, 'build', 'screenshots');

let browser, server, url;
const opened = new Map();  // `${width}x${height}` → {page, context, problems}
before(async () => {
  ({ server, url } = await serve(site, 0));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  mkdirSync(shots, { recursive: true });
});
after(async () => {
  for (const { context } of opened.values()) await context.close().catch(() => {});
  if (browser) await browser.close();
  if (server) server.close();
});

// The page at `size` (touch and mobile for a phone), ready and settled with the state `hash`,
// its problems recorded since it loaded. Loaded on first use; after that the same page takes
// the new state (nnplay.setState, paused at epoch 0) and settles again.
async function openAt(size, hash = '') {
  const key = `${size.width}x${size.height}`;
  let at = opened.get(key);
  if (!at) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1,
      isMobile: !!size.touch, hasTouch: !!size.touch,
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
    at = { page, context, problems };
    opened.set(key, at);
    await page.goto(url + (hash ? '#' + hash : ''));
    await page.waitForFunction(() => window.nnplay && nnplay.ready && nnplay.widgetRect('play'), null,
                               { timeout: 120000 });
  } else {
    await at.page.evaluate((h) => { nnplay.pause(); nnplay.setState(h); }, hash);
  }
  assert.equal(await at.page.evaluate(() => nnplay.metrics().epoch), 0);
  await settle(at.page);
  return at;
}

// Closes the page at size once no later test wants it: an idle page still redraws once a
// second, which at 4K costs SwiftShader much of a core.
async function closeAt(size) {
  const key = `${size.width}x${size.height}`;
  const at = opened.get(key);
  opened.delete(key);
  if (at) await at.context.close();
}
// The sizes whose pages the tests after the screenshots use again.
const REUSED = new Set(['360x640', '390x844', '768x1024', '1280x800', '3840x2160']);

const layout = (page) => page.evaluate(() => JSON.parse(Module.ccall('nnplay_api_layout', 'string', [], [])));

// Waits until two layouts a few frames apart agree (fonts rebuilt, scroll ranges known).
async function settle(page) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.evaluate(() => new Promise((done) => {
      let n = 4;
      const next = () => (n-- > 0 ? requestAnimationFrame(next) : done());
      next();
    }));
    const now = JSON.stringify((await layout(page)).rects);
    if (now === last) return;
    last = now;
  }
  throw new Error('the layout never settled');
}

// The labels their controls cut ("Networ") over the next frames: none, at every size.
async function cutLabels(page) {
  await page.evaluate(() => Module.ccall('nnplay_api_cut_labels', 'string', ['number'], [1]));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return JSON.parse(await page.evaluate(() => Module.ccall('nnplay_api_cut_labels', 'string', ['number'], [0])));
}

// Every named control inside its window (unless that window scrolls that way), and every
// window inside the viewport: a list of what is not.
function outside(l) {
  const bad = [];
  const eps = 1;
  const within = (a0, a1, b0, b1) => a0 >= b0 - eps && a1 <= b1 + eps;
  for (const [name, r] of Object.entries(l.rects)) {
    const a = r.area;
    if (!within(a.x, a.x + a.w, 0, l.width) || !within(a.y, a.y + a.h, 0, l.height))
      bad.push(`${name}'s scroll area ${JSON.stringify(a)} leaves the ${l.width}×${l.height} viewport`);
    if (!r.scrollsX && !within(r.x, r.x + r.w, a.x, a.x + a.w))
      bad.push(`${name} (x ${r.x}..${r.x + r.w}) is cut off by its area (x ${a.x}..${a.x + a.w})`);
    if (!r.scrollsY && !within(r.y, r.y + r.h, a.y, a.y + a.h))
      bad.push(`${name} (y ${r.y}..${r.y + r.h}) is cut off by its area (y ${a.y}..${a.y + a.h})`);
  }
  return bad;
}

for (const size of SIZES) {
  const name = `${size.width}x${size.height}`;
  test(`${name}: a screenshot, and every control inside the viewport or its scroll area`, async () => {
    for (const [label, hash] of [['', ''], ['-big', BIG]]) {
      const { page, problems } = await openAt(size, hash);
      {
        await page.screenshot({ path: join(shots, `${name}${label}.png`) });
        const l = await layout(page);
        assert.equal(l.layout, size.width < 700 ? 'phone' : size.width >= 1600 ? 'large' : 'regular');
        const names = Object.keys(l.rects);
        const wanted = size.touch ? ['play', 'epoch', 'speed', 'tabSettings', 'plot'] : ['play', 'epoch', 'zoom', 'advanced'];
        for (const n of wanted)
          assert.ok(names.includes(n), `${name}${label}: no ${n} among ${names.join(', ')}`);
        const bad = outside(l);
        assert.ok(bad.length === 0, `${name}${label}:\n${bad.join('\n')}`);
        assert.deepEqual(await cutLabels(page), [], `${name}${label}: labels cut by their controls`);
        if (size.touch) {
          for (const n of ['play', 'speed', 'tabOutput', 'tabData', 'tabNetwork', 'tabSettings']) {
            const r = l.rects[n];
            assert.ok(r && r.w >= 24 && r.h >= 24, `${n} is smaller than 24×24 CSS px: ${JSON.stringify(r)}`);
          }
        } else {
          assert.ok(l.rects.plot, `${name}${label}: no output plot`);
        }
        assert.deepEqual(problems, []);
      }
    }
    if (!REUSED.has(name)) await closeAt(size);
  });
}

test('3840x2160: the UI grows with the window; the output plot is at least 35 % of its width', async () => {
  const { page } = await openAt({ width: 3840, height: 2160 });
  const l = await layout(page);
  assert.ok(l.scale >= 2, `scale ${l.scale}`);
  assert.ok(l.rects.plot.w >= 0.35 * 3840, `plot ${l.rects.plot.w} CSS px wide of 3840`);
  await closeAt({ width: 3840, height: 2160 });
});

test('the Advanced panel opens beside the columns, inside the viewport, and Escape closes it', async () => {
  for (const size of [SIZES[2], SIZES[3]]) {
    const { page, problems } = await openAt(size);
    const b = (await layout(page)).rects.advanced;
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await settle(page);
    const l = await layout(page);
    assert.ok(l.rects.advancedPanel && l.rects.optimizerAdvanced, 'the panel did not open');
    assert.deepEqual(outside(l), []);
    await page.mouse.move(2, size.height - 2);
    await page.keyboard.press('Escape');
    await settle(page);
    assert.ok(!(await layout(page)).rects.advancedPanel, 'Escape left the panel open');
    assert.deepEqual(problems, []);
  }
  await closeAt(SIZES[2]);
});

test('epoch 1,234,567 moves no control', async () => {
  for (const size of [SIZES[1], SIZES[3]]) {
    const { page, problems } = await openAt(size);
    const before = (await layout(page)).rects;
    await page.evaluate(() => Module.ccall('nnplay_api_set_epoch', null, ['number'], [1234567]));
    await settle(page);
    assert.equal((await page.evaluate(() => nnplay.metrics())).epoch, 1234567);
    const now = (await layout(page)).rects;
    // The speed readout's text is the live frame rate: right-aligned, its width follows it.
    for (const [n, r] of Object.entries(before)) {
      if (n === 'speedReadout' || n === 'status') continue;  // their text is live: the speed, the latest message
      const m = now[n];
      assert.ok(m, `${n} is gone`);
      for (const k of ['x', 'y', 'w', 'h'])
        assert.ok(Math.abs(m[k] - r[k]) < 0.5, `${n}.${k} moved: ${r[k]} -> ${m[k]}`);
    }
    assert.deepEqual(problems, []);
  }
});

// Session 13: at 360 px the status line had ~60 px for the latest message ("Task ..."), and
// a finger, which has no tooltip, could not read the rest. The theme switch moved to the
// Settings tab, and a tap on the message opens the log, where it is whole.
test('360x640: the latest message has room, a tap on it opens the log; the theme switch is under Settings', async () => {
  const { page, problems } = await openAt(SIZES[0], 'seed=status&fooBar=1');
  let l = await layout(page);
  assert.ok(!l.rects.theme, 'the theme switch is still on the status line');
  const status = l.rects.status;
  assert.ok(status.w >= 150, `the message has ${status.w} px: ${JSON.stringify(status)}`);
  await page.touchscreen.tap(status.x + status.w / 2, status.y + status.h / 2);
  await settle(page);
  l = await layout(page);
  assert.ok(l.rects.messageLog, 'a tap on the message did not open the log');
  const log = await page.evaluate(() => nnplay.messages());
  assert.ok(log.some((m) => m.text.includes('fooBar')), JSON.stringify(log));
  await page.touchscreen.tap(status.x + status.w / 2, status.y + status.h / 2);  // and closes it
  await settle(page);
  const tab = (await layout(page)).rects.tabSettings;
  await page.touchscreen.tap(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await settle(page);
  l = await layout(page);
  assert.ok(!l.rects.messageLog, 'a second tap did not close the log');
  assert.ok(l.rects.theme, `no theme switch under Settings: ${Object.keys(l.rects).join(', ')}`);
  assert.deepEqual(problems, []);
});

// Session 12: on a phone the hidden layers' count row ran past the Network tab's visible edge
// ("2 HIDDEN LAYEI", the rest under the scrollbar); it slides left, still after FEATURES, and
// at 360 px, where even that is too little, says "LAYERS" (session 13).
test('360x640 and 390x844: the Network tab shows the hidden layers\' buttons, count and label whole', async () => {
  const names = ['addLayer', 'removeLayer', 'layerCount', 'layerCountLabel'];
  for (const size of [SIZES[0], SIZES[1]]) {
    for (const shape of ['3', '4,2', '4,4,4,2']) {
      const { page, problems } = await openAt(size, `networkShape=${shape}&seed=row`);
      const tab = (await layout(page)).rects.tabNetwork;
      await page.touchscreen.tap(tab.x + tab.w / 2, tab.y + tab.h / 2);
      await settle(page);
      const at = `${size.width}x${size.height}, networkShape=${shape}`;
      const shown = await page.evaluate((names) => nnplay.controls().filter((c) => names.includes(c.name)), names);
      assert.deepEqual(shown.map((c) => c.name).sort(), [...names].sort(), at);
      for (const c of shown) assert.ok(c.visible, `${at}: ${c.name} is cut off: ${JSON.stringify(c)}`);
      assert.deepEqual(await cutLabels(page), [], `${at}: labels cut by their controls`);
      assert.deepEqual(problems, []);
    }
  }
  await closeAt(SIZES[0]);
});

// Session 13: a phone held sideways (640×360) left the tabs a strip 95 px high under the
// title and the top bar, with the page's status line below the screen and no finger drag to
// reach it. The tab now gets most of the screen's height, the metrics stand beside the plot,
// and the page scrolls to it: a drag up on the tab first scrolls the page (the title goes),
// a drag down brings the title back, and a tab tapped scrolls the page to the tabs.
// A phone held sideways wider than 700 px (844×390) had the desktop's columns, each
// ~170 px high, with targets under 24 px: a window under 480 CSS px high gets the tabs too.
for (const [width, height] of [[640, 360], [844, 390]])
test(`${width}x${height} (a phone held sideways): a drag scrolls the page to a tab that fills the screen, and back`, async () => {
  const size = { width, height, touch: true };
  const { page, problems } = await openAt(size, 'seed=sideways');
  let l = await layout(page);
  assert.equal(l.layout, 'phone');
  assert.deepEqual(await cutLabels(page), []);
  for (const n of ['play', 'speed', 'tabOutput', 'tabSettings'])
    assert.ok(l.rects[n].w >= 24 && l.rects[n].h >= 24, `${n} is smaller than 24×24 CSS px: ${JSON.stringify(l.rects[n])}`);
  const plot = l.rects.plot, area = plot.area;
  assert.ok(area.h >= 0.7 * height, `the Output tab is ${area.h} px high in a ${height} px window`);
  assert.ok(plot.h <= area.h, `the plot (${plot.h} px) is higher than its tab (${area.h} px)`);
  // Right of the plot and its axis numbers, over the metrics beside it (a finger moving up
  // or down scrolls there, as anywhere but on a slider moved sideways).
  assert.ok(l.rects.metrics.x > plot.x + plot.w, `the metrics are not beside the plot: ${JSON.stringify(l.rects.metrics)}`);
  const x = Math.round((plot.x + plot.w + 40 + area.x + area.w - 20) / 2), y = Math.round(Math.min(area.y + 40, height - 20));
  await touchDrag(page, x, y, 0, -Math.min(300, y - 20));
  await settle(page);
  l = await layout(page);
  assert.ok(l.rects.title.y < 0, `the title stayed: ${JSON.stringify(l.rects.title)}`);
  assert.ok(l.rects.tabOutput.y >= 0, `the tabs went off the top: ${JSON.stringify(l.rects.tabOutput)}`);
  assert.deepEqual(outside(l), [], 'scrolled down, the tab and the status line are inside the window');
  await page.screenshot({ path: join(shots, `${width}x${height}-scrolled.png`) });
  await touchDrag(page, x, 200, 0, 150);
  await touchDrag(page, x, 200, 0, 150);
  await settle(page);
  l = await layout(page);
  assert.ok(l.rects.title.y >= 0, `a drag down did not bring the title back: ${JSON.stringify(l.rects.title)}`);
  // A tab tapped: the page scrolls to the tabs, the tab gets the screen.
  const data = l.rects.tabData;
  await page.touchscreen.tap(data.x + data.w / 2, data.y + data.h / 2);
  await settle(page);
  l = await layout(page);
  assert.ok(l.rects.title.y < 0 && l.rects.tabData.y >= 0, `tapping Data left the page where it was: ${JSON.stringify(l.rects.tabData)}`);
  assert.deepEqual(outside(l), [], 'the Data tab and the status line are inside the window');
  await page.screenshot({ path: join(shots, `${width}x${height}-data.png`) });
  assert.equal((await page.evaluate(() => nnplay.metrics())).epoch, 0, 'a drag started training');
  await page.screenshot({ path: join(shots, `${width}x${height}.png`) });
  assert.deepEqual(problems, []);
  await closeAt(size);
});

// Session 13: in a short window (1024×600) the metrics and the loss chart above the plot left
// it 120 px of a 240 px column; there the chart goes under the plot's legend.
test('1024x600: the output plot takes most of its column\'s width, the chart comes after it', async () => {
  const size = { width: 1024, height: 600 };
  const { page, problems } = await openAt(size, 'seed=short');
  const l = await layout(page);
  assert.equal(l.layout, 'regular');
  const { plot, chart } = l.rects;
  assert.ok(plot.w >= 0.75 * plot.area.w, `the plot is ${plot.w} px of a ${plot.area.w} px column`);
  assert.ok(chart && chart.y > plot.y + plot.h, `the chart is not under the plot: ${JSON.stringify(chart)}`);
  assert.deepEqual(outside(l), []);
  assert.deepEqual(problems, []);
  await closeAt(size);
});

// Session 13: a tablet (a finger as the pointer: pointer: coarse) had the desktop's 20 px
// targets; held upright (820 px wide) it had three cramped columns. Under 900 px it gets the
// phone's tabs, and wider, the columns with touch-sized (24 px) targets.
test('a tablet: 820x1180 upright gets the tabs, 1180x820 the columns, both with 24 px targets', async () => {
  for (const [width, height, expected] of [[820, 1180, 'phone'], [1180, 820, 'regular']]) {
    const size = { width, height, touch: true };
    const { page, problems } = await openAt(size, 'seed=tablet');
    const l = await layout(page);
    assert.equal(l.layout, expected, `${width}x${height}`);
    const targets = expected === 'phone' ? ['play', 'speed', 'tabOutput', 'tabSettings'] : ['play', 'speed', 'advanced', 'file', 'addLayer', 'learningRate'];
    for (const n of targets)
      assert.ok(l.rects[n] && l.rects[n].h >= 24 && l.rects[n].w >= 24, `${width}x${height}: ${n} is under 24 px: ${JSON.stringify(l.rects[n])}`);
    assert.deepEqual(outside(l), [], `${width}x${height}`);
    assert.deepEqual(await cutLabels(page), [], `${width}x${height}: labels cut by their controls`);
    await page.screenshot({ path: join(shots, `${width}x${height}-tablet.png`) });
    assert.deepEqual(problems, []);
    await closeAt(size);
  }
});

// Session 12: in a phone's More tab long captions ran past the edge ("the timeline keeps
// epochs (" cut off) and gave the tab a sideways scrollbar; they wrap now, and the seed sweep's
// epochs take a line of their own when the row is too wide.
test('390x844: the More tab\'s Runs and Inside panels fit its width (no sideways scrolling)', async () => {
  const { page, problems } = await openAt(SIZES[1], 'seed=wrap');
  await page.evaluate(() => nnplay.openRuns());
  await settle(page);
  let l = await layout(page);
  for (const n of ['runsSweep', 'moreRuns'])
    assert.ok(l.rects[n], `no ${n} among ${Object.keys(l.rects).join(', ')}`);
  assert.equal(l.rects.runsSweep.scrollsX, false, `the Runs panel scrolls sideways: ${JSON.stringify(l.rects.runsSweep)}`);
  await page.evaluate(() => { nnplay.setState('showSurface=true&seed=wrap'); });
  await page.waitForFunction(() => nnplay.widgetRect('surfaceView'), null, { timeout: 30000 });
  await settle(page);
  l = await layout(page);
  assert.equal(l.rects.surfaceView.scrollsX, false, `the Inside panel scrolls sideways: ${JSON.stringify(l.rects.surfaceView)}`);
  assert.deepEqual(problems, []);
});

// Session 12: at 768×1024 the confusion matrix of six classes was set wider than the output
// column (five digits a cell), which gave the column a sideways scrollbar; it fits its numbers.
test('768x1024: six classes\' confusion matrix fits the output column (no sideways scrolling)', async () => {
  const { page, problems } = await openAt(SIZES[2], BIG);
  const l = await layout(page);
  assert.ok(l.rects.confusion, `no confusion matrix among ${Object.keys(l.rects).join(', ')}`);
  const c = l.rects.confusion;
  assert.ok(c.x + c.w <= c.area.x + c.area.w + 1, `the matrix passes the column's edge: ${JSON.stringify(c)}`);
  assert.equal(l.rects.plot.scrollsX, false, `the output column scrolls sideways: ${JSON.stringify(l.rects.plot)}`);
  assert.deepEqual(problems, []);
  await closeAt(SIZES[2]);
});
