// common.mjs: what every JavaScript peer in `make bench` shares — the circle and spiral data, the
// five workloads of `nnplay bench`, the timing (warm-up, calibration, median/min/max of repetitions)
// and the JSON line each workload prints, so the libraries differ only in their own code.

import { performance } from 'node:perf_hooks';

// The workloads of cli/bench_command.cpp: hidden widths, batch size, kind.
export const WORKLOADS = [
  { id: 'W1', hidden: [4, 2], batch: 10, kind: 'train', description: '2-4-2-1, batch 10' },
  { id: 'W2', hidden: [8, 8, 8, 8, 8, 8], batch: 10, kind: 'train', description: 'six hidden layers of 8, batch 10' },
  { id: 'W3', hidden: [64, 64, 64], batch: 64, kind: 'train', description: '2-64-64-64-1, batch 64' },
  { id: 'W4', hidden: [8, 8, 8, 8, 8, 8], batch: 10, kind: 'grid', description: "W2's network, 256x256 grid forward" },
  // Multi-class: ReLU, a softmax output with cross-entropy, Adam at 0.01 (nnplay's defaults).
  { id: 'W5', hidden: [16, 16], batch: 10, kind: 'train', classes: 3, activation: 'relu', optimizer: 'adam',
    learningRate: 0.01, description: '3-class spiral, 16,16 ReLU, softmax, Adam, batch 10' },
];

// A workload's hidden activation, learning rate and optimiser (W1–W4: tanh, SGD at 0.03).
export const activationOf = (w) => w.activation ?? 'tanh';
export const learningRateOf = (w) => w.learningRate ?? LEARNING_RATE;

export const LEARNING_RATE = 0.03;
export const GRID_RESOLUTION = 256;
export const MIN_REP_SECONDS = 0.2; // as nnplay bench: each timed repetition lasts at least this
const DOMAIN = 6; // TensorFlow Playground's points and grid live in [-6, 6]²

/** A small seeded generator (mulberry32): uniform floats in [0, 1). Same seed, same data. */
export function makeRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleInPlace(items, rng) {
  for (let i = items.length - 1; i > 0; --i) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * TensorFlow Playground's circle (noise 0): half the points at radius U(0, 2.5) labelled +1,
 * half at U(3.5, 5) labelled -1, angle U(0, 2π); shuffled, then the first percTrain % train.
 * Returns { train, test }, arrays of { x, y, label } with label ±1.
 */
export function circleData({ numSamples = 500, percTrain = 50, seed = 1 } = {}) {
  const rng = makeRng(seed);
  const radius = 5;
  const points = [];
  const add = (rMin, rMax, label) => {
    const r = rMin + (rMax - rMin) * rng();
    const angle = 2 * Math.PI * rng();
    points.push({ x: r * Math.sin(angle), y: r * Math.cos(angle), label });
  };
  for (let i = 0; i < numSamples / 2; ++i) add(0, radius * 0.5, 1);
  for (let i = 0; i < numSamples / 2; ++i) add(radius * 0.7, radius, -1);
  shuffleInPlace(points, rng);
  const split = Math.floor((numSamples * percTrain) / 100);
  return { train: points.slice(0, split), test: points.slice(split) };
}

/**
 * A spiral of `classes` arms (noise 0): point i of an arm at radius 5·i/n and angle
 * 1.75·2π·i/n, each arm turned by 2π/classes; shuffled, then the first percTrain % train.
 * Returns { train, test } with labels 0..classes−1 (for W5; nnplay's own spiral is alike).
 */
export function spiralData({ numSamples = 500, classes = 3, percTrain = 50, seed = 1 } = {}) {
  const rng = makeRng(seed);
  const points = [];
  const perArm = Math.floor(numSamples / classes);
  for (let c = 0; c < classes; ++c) {
    for (let i = 0; i < perArm; ++i) {
      const r = (5 * i) / perArm;
      const t = (1.75 * i * 2 * Math.PI) / perArm + (2 * Math.PI * c) / classes;
      points.push({ x: r * Math.sin(t), y: r * Math.cos(t), label: c });
    }
  }
  shuffleInPlace(points, rng);
  const split = Math.floor((points.length * percTrain) / 100);
  return { train: points.slice(0, split), test: points.slice(split) };
}

/** The R×R grid over [-6, 6]², row by row, as interleaved (x, y) pairs. */
export function gridPoints(resolution = GRID_RESOLUTION) {
  const out = new Float32Array(resolution * resolution * 2);
  for (let i = 0; i < resolution; ++i) {
    for (let j = 0; j < resolution; ++j) {
      const k = 2 * (i * resolution + j);
      out[k] = -DOMAIN + (2 * DOMAIN * (j + 0.5)) / resolution;
      out[k + 1] = DOMAIN - (2 * DOMAIN * (i + 0.5)) / resolution;
    }
  }
  return out;
}

/** A new order of 0..n-1 from rng (for libraries that leave shuffling to the caller). */
export function permutation(n, rng) {
  return shuffleInPlace(Array.from({ length: n }, (_, i) => i), rng);
}

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 === 1 ? v[(n - 1) / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

async function timeUnits(run, units) {
  const start = performance.now();
  await run(units);
  return (performance.now() - start) / 1000;
}

function parseReps(argv) {
  const i = argv.indexOf('--reps');
  const reps = i >= 0 ? Number(argv[i + 1]) : 7;
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps: a positive integer, not ${argv[i + 1]}`);
  return reps;
}

/**
 * Runs every workload for one implementation and prints one JSON line each (stdout).
 * makeModel(workload, data) returns { train(epochs), loss(), grid(), lossName } (may be async),
 * or { unsupported: 'why' } when the library cannot run that workload (printed as such):
 * train runs whole epochs over data.train, loss returns the mean training loss, grid runs one
 * forward pass over the 256×256 grid and returns its outputs. A workload whose loss does not go
 * down, or whose grid is not finite, is printed with "status": "failed" and the reason.
 * Returns the process exit code (1 if any workload failed).
 */
export async function runBench(impl, makeModel, argv = process.argv.slice(2)) {
  const reps = parseReps(argv);
  const circle = circleData();
  const spiral = spiralData();
  let failed = false;
  for (const w of WORKLOADS) {
    const line = { impl, workload: w.id };
    const data = w.classes ? spiral : circle;
    let lastGrid = null;
    try {
      const model = await makeModel(w, data);
      if (model.unsupported) {
        Object.assign(line, { status: 'unsupported', error: model.unsupported, description: w.description });
        console.log(JSON.stringify(line));
        continue;
      }
      const train = w.kind === 'train';
      const run = train ? (units) => model.train(units) : async (units) => {
        for (let i = 0; i < units; ++i) lastGrid = await model.grid();
      };
      const lossBefore = train ? await model.loss() : null;
      // Warm-up (the first call compiles and allocates), then calibration: grow the unit count
      // until one run lasts MIN_REP_SECONDS; the last calibration runs are a warm-up too. The
      // faster of two runs decides, so one slow run (a JIT tier-up, a busy core) cannot leave
      // repetitions much shorter than MIN_REP_SECONDS.
      await timeUnits(run, 1);
      let units = 1;
      for (;;) {
        const t = Math.min(await timeUnits(run, units), await timeUnits(run, units));
        if (t >= MIN_REP_SECONDS) break;
        const scale = t > 0 ? (1.1 * MIN_REP_SECONDS) / t : 100;
        units = Math.max(units + 1, Math.ceil(units * Math.min(scale, 100)));
      }
      const rates = [];
      for (let rep = 0; rep < reps; ++rep) {
        const t = await timeUnits(run, units);
        rates.push(train ? (units * data.train.length) / t : (1000 * t) / units);
      }
      line[train ? 'samples_per_s' : 'ms_per_grid'] = median(rates);
      line.min = Math.min(...rates);
      line.max = Math.max(...rates);
      line.reps = reps;
      line[train ? 'epochs_per_rep' : 'grids_per_rep'] = units;
      line.loss = model.lossName;
      if (train) {
        const lossAfter = await model.loss();
        Object.assign(line, { loss_before: lossBefore, loss_after: lossAfter });
        if (!(Number.isFinite(lossAfter) && lossAfter < lossBefore)) {
          throw new Error(`the training loss did not go down (${lossBefore} before, ${lossAfter} after)`);
        }
      } else {
        const out = lastGrid;
        if (!out || out.length !== GRID_RESOLUTION * GRID_RESOLUTION || !out.every(Number.isFinite)) {
          throw new Error('the grid output is not 65,536 finite numbers');
        }
      }
      line.status = 'ok';
      if (model.dispose) model.dispose();
    } catch (err) {
      failed = true;
      line.status = 'failed';
      line.error = String(err && err.message ? err.message : err);
      console.error(`${impl}: ${w.id}: ${line.error}`);
    }
    line.description = w.description;
    console.log(JSON.stringify(line));
  }
  return failed ? 1 : 0;
}
