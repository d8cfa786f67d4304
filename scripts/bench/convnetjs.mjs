// convnetjs.mjs: ConvNetJS as a peer in `make bench`. Its nearest output to nnplay's sigmoid +
// log loss is a two-class softmax with cross-entropy (the same function of the logit gap); its
// Trainer sums gradients over batch_size samples, then takes one SGD step. Its npm build (0.3.0)
// has no Adam (sgd, adagrad, windowgrad, adadelta, nesterov only), so it cannot run W5.

import convnetjs from 'convnetjs';
import { activationOf, gridPoints, learningRateOf, makeRng, permutation, runBench } from './common.mjs';

const grid = gridPoints();

function makeModel(w, data) {
  if (w.optimizer === 'adam') return { unsupported: "ConvNetJS's npm build (0.3.0) has no Adam" };
  const net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: 2 },
    ...w.hidden.map((n) => ({ type: 'fc', num_neurons: n, activation: activationOf(w) })),
    { type: 'softmax', num_classes: 2 },
  ]);
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd', learning_rate: learningRateOf(w), momentum: 0, batch_size: w.batch, l2_decay: 0,
  });
  const toVol = (x, y) => {
    const v = new convnetjs.Vol(1, 1, 2, 0);
    v.w[0] = x;
    v.w[1] = y;
    return v;
  };
  const vols = data.train.map((p) => toVol(p.x, p.y));
  const labels = data.train.map((p) => (p.label > 0 ? 1 : 0));
  const rng = makeRng(7);
  return {
    lossName: 'two-class softmax + cross-entropy (shuffled every epoch)',
    train(epochs) {
      for (let e = 0; e < epochs; ++e) {
        for (const i of permutation(vols.length, rng)) trainer.train(vols[i], labels[i]);
      }
    },
    loss() {
      let sum = 0;
      vols.forEach((v, i) => { sum -= Math.log(net.forward(v, false).w[labels[i]]); });
      return sum / vols.length;
    },
    // Point by point: a Net takes one Vol at a time.
    grid() {
      const n = grid.length / 2;
      const out = new Float32Array(n);
      const v = new convnetjs.Vol(1, 1, 2, 0);
      for (let i = 0; i < n; ++i) {
        v.w[0] = grid[2 * i];
        v.w[1] = grid[2 * i + 1];
        out[i] = net.forward(v, false).w[1];
      }
      return out;
    },
  };
}

process.exitCode = await runBench('convnetjs', makeModel);
