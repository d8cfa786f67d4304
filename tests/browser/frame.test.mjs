// frame.test.mjs: issue 13, training in slices: a link whose epoch takes far longer than a frame
// keeps the page drawing (an epoch spans many frames), and Space stops it at once. Conditions,
// not times: the frame counter against the epoch counter. So does a batch of thousands through
// a big ensemble (a batch spans frames). The first two tests take turns on one page
// (openShared); the others load their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, openReady, openShared, frames, root } from './harness.mjs';

useBrowser();

const HEAVY = '#networkShape=64,64,64,64,64,64,64,64&ensemble=8&numSamples=5000&batchSize=1';

const where = (page) => page.evaluate(() => ({ frames: nnplay.stats().framesDrawn, epoch: nnplay.metrics().epoch,
                                              position: nnplay.epochPosition() }));

test('a heavy link keeps frames coming while it trains, and Space stops it at the next frame', async () => {
  const { page, problems } = await openShared(HEAVY);
  await page.mouse.move(5, 790);
  const start = await where(page);
  assert.equal(start.epoch, 0);
  await page.keyboard.press('Space');
  // Ten frames drawn while training, within the first epoch or two.
  await page.waitForFunction((f) => nnplay.stats().framesDrawn >= f + 10 && nnplay.epochPosition() > 0,
                             start.frames, { timeout: 60000 });
  const playing = await where(page);
  assert.ok(playing.epoch <= 1, `epoch ${playing.epoch} after 10 frames: a frame trained a whole epoch`);
  assert.ok(playing.position > 0, 'nothing of the epoch was trained');

  await page.keyboard.press('Space');
  await frames(page, 3);  // Space is read in the next frame; that frame's slice may still train
  const paused = await where(page);
  await frames(page, 10);
  const later = await where(page);
  assert.deepEqual([later.epoch, later.position], [paused.epoch, paused.position],
                   'training went on after Space paused it');
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a batch of 2,500 through an ensemble of 8 x 64 networks spans frames, and so does the epoch\'s end', async () => {
  // The training set (2,500 points) is one batch: eight members' passes over it took a frame
  // 270 ms. A piece is one member's pass over 256 of its points: the batch takes many frames.
  // Then the epoch's end measures 5,000 points through the 8 members (130 ms in one frame),
  // a member and 1,024 points a piece: the counter and losses move when it is done.
  const { page, problems } = await openReady(HEAVY.replace('batchSize=1', 'batchSize=2500'));
  await page.mouse.move(5, 790);
  const biases = () => [nnplay.neuronWeights(0, 0, 0).bias, nnplay.neuronWeights(7, 8, 0).bias];
  const before = await page.evaluate(biases);
  // Every frame until the first epoch (the batch) ends: the frames drawn while it was under way.
  const watch = page.evaluate((read) => new Promise((done) => {
    const biasesNow = new Function(`return (${read})()`);
    const under = [];
    const began = performance.now();
    const sample = () => {
      try {
        if (nnplay.metrics().epoch >= 1) return done({ under, after: biasesNow() });
        if (performance.now() - began > 60000) return done({ under, error: 'no epoch in 60 s' });
        if (nnplay.midEpoch())
          under.push({ frame: nnplay.stats().framesDrawn, position: nnplay.epochPosition(), biases: biasesNow(),
                       loss: nnplay.metrics().trainLoss });
        requestAnimationFrame(sample);
      } catch (e) {
        done({ under, error: String(e) });
      }
    };
    requestAnimationFrame(sample);
  }), biases.toString());
  await page.keyboard.press('Space');
  const { under, after, error } = await watch;
  assert.equal(error, undefined);
  const inBatch = new Set(under.filter((u) => u.position === 0).map((u) => u.frame));
  const inEnd = new Set(under.filter((u) => u.position === 2500).map((u) => u.frame));
  assert.ok(inBatch.size >= 3, `the batch was under way in ${inBatch.size} drawn frames: a frame trained it whole`);
  assert.ok(inEnd.size >= 2, `the epoch's end was under way in ${inEnd.size} drawn frames: a frame measured it whole`);
  for (const u of under.filter((u) => u.position === 0))
    assert.deepEqual(u.biases, before, 'weights moved before the batch ended');
  assert.equal(new Set(under.map((u) => u.loss)).size, 1, 'the losses changed before the epoch ended');
  assert.notEqual(after[0], before[0]);
  assert.notEqual(after[1], before[1]);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('compat=tf at its heaviest spans frames too: a few examples a piece, and its epoch\'s end', async () => {
  // TensorFlow Playground's own loop (its 250 training examples one at a time, in double) through
  // 8 x 64: a whole epoch and its losses over 500 points took one frame (10 fps).
  const { page, problems } = await openReady(HEAVY.replace('batchSize=1', 'batchSize=2500') + '&compat=tf');
  await page.mouse.move(5, 790);
  const watch = page.evaluate(() => new Promise((done) => {
    const under = [];
    const began = performance.now();
    const sample = () => {
      if (nnplay.metrics().epoch >= 1) return done({ under });
      if (performance.now() - began > 60000) return done({ under, error: 'no epoch in 60 s' });
      if (nnplay.midEpoch()) under.push({ frame: nnplay.stats().framesDrawn, position: nnplay.epochPosition() });
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }));
  await page.keyboard.press('Space');
  const { under, error } = await watch;
  assert.equal(error, undefined);
  const training = new Set(under.filter((u) => u.position > 0 && u.position < 250).map((u) => u.frame));
  const inEnd = new Set(under.filter((u) => u.position === 250).map((u) => u.frame));
  // (About 80 examples a frame here: the examples took 2 frames, the end 2.)
  assert.ok(training.size >= 1 && inEnd.size >= 1 && training.size + inEnd.size >= 3,
            `the epoch was under way in ${training.size} drawn frames, its end in ${inEnd.size}: ` +
            `${JSON.stringify(under)}`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('as fast as possible never trains less a frame than 1 a frame', async () => {
  // The heavy link's epochs span many frames: at 1 a frame each frame trains 16 ms of it; as fast
  // as possible follows the frame rate (2–8 ms), and under software WebGL trained it 4 times
  // slower than 1 a frame. Now it gets at least what 30 a frame would train (30 epochs' cost, at
  // most 16 ms); the default network's short epochs (30 of them: 2–16 ms, as the machine goes)
  // mostly keep the budget that follows the frame rate.
  const { page, problems } = await openReady(HEAVY);
  const budget = async (speed) => {
    await page.evaluate((s) => { nnplay.setSpeed(s); nnplay.play(); }, speed);
    await frames(page, 8);
    const b = await page.evaluate(() => nnplay.stats().budgetMs);
    await page.evaluate(() => nnplay.pause());
    return b;
  };
  const oneAFrame = await budget(0);
  const fastest = await budget(4);
  assert.ok(oneAFrame > 0 && fastest >= oneAFrame, `budget a frame: 1 a frame ${oneAFrame} ms, as fast as possible ${fastest} ms`);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a model saved while the epoch\'s end is under way carries the completed epoch, and goes on exactly', async () => {
  // (The eight 8 x 64 members' weights are too long for a link: the model file carries them.)
  const heavy = HEAVY.replace('batchSize=1', 'batchSize=2500');
  const { page, problems } = await openReady(heavy);
  await page.evaluate(() => nnplay.play());
  // The batch trained (all 2,500 points), its end's measure not yet done: pause there.
  await page.waitForFunction(() => nnplay.epochPosition() === 2500 && nnplay.metrics().epoch === 0 &&
                                   (nnplay.pause(), true), null, { timeout: 60000, polling: 'raf' });
  assert.ok(await page.evaluate(() => nnplay.midEpoch()));
  const model = await page.evaluate(() => nnplay.exportModel());
  const sent = await page.evaluate(() => ({ epoch: nnplay.metrics().epoch, chart: nnplay.chart().lastEpoch,
                                            mid: nnplay.midEpoch() }));
  assert.deepEqual(sent, { epoch: 1, chart: 1, mid: false }, 'saving did not complete the epoch, or the chart missed it');
  const other = await openReady('#numSamples=100');
  const opened = await other.page.evaluate((text) => nnplay.importModel(text), model);
  assert.ok(opened.ok, opened.message);
  assert.equal(await other.page.evaluate(() => nnplay.metrics().epoch), 1);
  for (const p of [page, other.page]) await p.evaluate(() => nnplay.step(1));
  const [a, b] = await Promise.all([page, other.page].map((p) => p.evaluate(() => nnplay.params())));
  assert.equal(await other.page.evaluate(() => nnplay.metrics().epoch), 2);
  assert.deepEqual(a, b, 'the saved run did not go on as the sender\'s');
  assert.ok(problems.length === 0, problems.join('; '));
  assert.ok(other.problems.length === 0, other.problems.join('; '));
});

test('a step trains exactly one epoch, finishing the one under way', async () => {
  const { page, problems } = await openShared('#numSamples=400&batchSize=1');
  await page.evaluate(() => nnplay.play());
  await page.waitForFunction(() => nnplay.metrics().epoch >= 1, null, { timeout: 30000 });
  await page.evaluate(() => nnplay.pause());
  await frames(page, 2);
  const before = await where(page);
  await page.evaluate(() => nnplay.step(1));
  const after = await where(page);
  assert.equal(after.epoch, before.epoch + 1);
  assert.equal(after.position, 0);
  assert.ok(problems.length === 0, problems.join('; '));
});

test('a link whose run state does not fit its network says so in the message log', async () => {
  // The weights of a 4,2 network with the Adam moments of a 3 one (tests/data, as cli_test.sh).
  const link = readFileSync(`${root}/tests/data/run_mismatch_link.txt`, 'utf8').trim();
  const { page, problems } = await openReady('#' + link);
  await frames(page, 2);
  const log = await page.evaluate(() => nnplay.messages());
  assert.ok(log.some((m) => m.text.includes("ignored the link's run state (the optimiser's moments do not fit")),
            JSON.stringify(log));
  assert.equal((await page.evaluate(() => nnplay.metrics())).epoch, 3, 'the weights and epoch were not taken');
  // The message log reports it as an error: no console.error is expected of the page itself.
  assert.ok(problems.filter((p) => !p.includes('run state')).length === 0, problems.join('; '));
});
