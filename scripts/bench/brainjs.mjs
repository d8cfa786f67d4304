// brainjs.mjs: brain.js (NeuralNetwork, its plain-JavaScript CPU network) as a peer in
// `make bench`. brain.js trains one sample at a time (no mini-batches) and puts its activation
// on every layer, so the output is tanh with ½(o−t)² on ±1 labels (TF Playground's own loss).

import brain from 'brain.js';
import { gridPoints, learningRateOf, runBench } from './common.mjs';

const grid = gridPoints();

function makeModel(w, data) {
  if (w.classes) return { unsupported: "brain.js's NeuralNetwork has no softmax output" };
  // brain.js refuses momentum 0; the smallest positive double is plain SGD at the same cost.
  const options = { activation: 'tanh', learningRate: learningRateOf(w), momentum: Number.MIN_VALUE };
  const net = new brain.NeuralNetwork({ hiddenLayers: w.hidden, inputSize: 2, outputSize: 1, ...options });
  net.initialize();
  const train = data.train.map((p) => ({ input: [p.x, p.y], output: [p.label] }));
  const trainOptions = { ...options, iterations: 1, errorThresh: Number.MIN_VALUE, log: false, timeout: Infinity };
  return {
    lossName: 'tanh + ½(o−t)² on ±1 labels (per-sample SGD: brain.js has no batches)',
    // One iteration of net.train is one pass over the data, in order, updating per sample.
    train(epochs) {
      const status = net.train(train, { ...trainOptions, iterations: epochs });
      if (status.iterations !== epochs) throw new Error(`brain.js stopped after ${status.iterations} of ${epochs} epochs`);
    },
    loss() {
      let sum = 0;
      for (const p of train) sum += 0.5 * (net.run(p.input)[0] - p.output[0]) ** 2;
      return sum / train.length;
    },
    // Point by point: brain.js's run() takes one input.
    grid() {
      const n = grid.length / 2;
      const out = new Float32Array(n);
      const input = [0, 0];
      for (let i = 0; i < n; ++i) {
        input[0] = grid[2 * i];
        input[1] = grid[2 * i + 1];
        out[i] = net.run(input)[0];
      }
      return out;
    },
  };
}

process.exitCode = await runBench('brainjs', makeModel);
