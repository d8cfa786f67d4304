// tfjs.mjs: TensorFlow.js as a peer in `make bench`, with its plain-JavaScript cpu backend or its
// WebAssembly backend (SIMD, .wasm loaded from node_modules). Usage: node tfjs.mjs cpu|wasm
// [--reps N]. The model is nnplay's: tanh hidden layers, sigmoid output + log loss, SGD 0.03;
// W5: ReLU, a softmax output with categorical cross-entropy, Adam 0.01.

import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { activationOf, gridPoints, learningRateOf, runBench } from './common.mjs';

const backend = process.argv[2];
if (backend !== 'cpu' && backend !== 'wasm') {
  console.error('usage: node scripts/bench/tfjs.mjs cpu|wasm [--reps N]');
  process.exit(2);
}

if (backend === 'wasm') {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // A file path, not a URL: nothing is fetched; the .wasm files sit beside the package's main.
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  wasm.setWasmPaths(join(dist, '/'));
}
if (!(await tf.setBackend(backend))) throw new Error(`tfjs: backend ${backend} did not start`);
await tf.ready();
if (backend === 'wasm') {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  console.error(`tfjs-wasm: SIMD ${simd ? 'on' : 'OFF'}, threads ${threads ? 'on' : 'off'}`);
  if (!simd) throw new Error('tfjs-wasm: no SIMD, the figures would not be comparable');
}

const grid = gridPoints();

function makeModel(w, data) {
  const model = tf.sequential();
  const activation = activationOf(w);
  w.hidden.forEach((units, i) =>
    model.add(tf.layers.dense({ units, activation, ...(i === 0 ? { inputShape: [2] } : {}) })));
  const n = data.train.length;
  const xs = tf.tensor2d(data.train.flatMap((p) => [p.x, p.y]), [n, 2]);
  let ys;
  if (w.classes) {
    model.add(tf.layers.dense({ units: w.classes, activation: 'softmax' }));
    model.compile({ optimizer: tf.train.adam(learningRateOf(w)), loss: 'categoricalCrossentropy' });
    ys = tf.oneHot(tf.tensor1d(data.train.map((p) => p.label), 'int32'), w.classes).toFloat();
  } else {
    model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
    model.compile({ optimizer: tf.train.sgd(learningRateOf(w)), loss: 'binaryCrossentropy' });
    ys = tf.tensor2d(data.train.map((p) => (p.label > 0 ? 1 : 0)), [n, 1]);
  }
  const gridXs = tf.tensor2d(grid, [grid.length / 2, 2]);
  return {
    lossName: w.classes ? 'softmax + categorical cross-entropy, Adam (model.fit, shuffled)'
                        : 'sigmoid + binary cross-entropy (model.fit, shuffled)',
    async train(epochs) {
      await model.fit(xs, ys, { batchSize: w.batch, epochs, shuffle: true, verbose: 0, yieldEvery: 'never' });
    },
    async loss() {
      const l = model.evaluate(xs, ys, { batchSize: data.train.length });
      const v = (await l.data())[0];
      l.dispose();
      return v;
    },
    async grid() {
      const out = model.predict(gridXs, { batchSize: grid.length / 2 }); // one batch: the whole grid
      const v = await out.data();
      out.dispose();
      return v;
    },
    dispose() {
      tf.dispose([xs, ys, gridXs]);
      model.dispose();
    },
  };
}

process.exitCode = await runBench(`tfjs-${backend}`, makeModel, process.argv.slice(3));
