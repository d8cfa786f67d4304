// ort.mjs: ONNX Runtime as a peer in `make bench`, on W4 only (it runs models, it does not
// train them): its WebAssembly build (onnxruntime-web, 1 or 2 threads) and, as the native
// reference, its CPU build for Node (onnxruntime-node). W4's network (2-8-8-8-8-8-8-1, tanh) is
// written as an ONNX model of Gemm and Tanh nodes (onnx_model.mjs) with seeded weights.
// Usage: node scripts/bench/ort.mjs web 1|2 | node [--reps N]. The packages are not among the
// test dependencies (about 450 MB): `make bench-deps` installs them into build/bench-npm.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { GRID_RESOLUTION, gridPoints, makeRng, runBench } from './common.mjs';
import { mlpModel } from './onnx_model.mjs';

export const ORT_PREFIX = 'build/bench-npm';

const [kind, threadsText] = process.argv.slice(2);
const threads = Number(threadsText);
if (!(kind === 'node' || (kind === 'web' && (threads === 1 || threads === 2)))) {
  console.error('usage: node scripts/bench/ort.mjs web 1|2 | node [--reps N]');
  process.exit(2);
}
const impl = kind === 'node' ? 'ort-node' : `ort-web-${threads}t`;
const args = process.argv.slice(kind === 'node' ? 3 : 4);

let ort;
try {
  const require = createRequire(join(process.cwd(), ORT_PREFIX, 'package.json'));
  ort = require(kind === 'node' ? 'onnxruntime-node' : 'onnxruntime-web');
} catch (e) {
  console.error(`${impl}: onnxruntime is not installed in ${ORT_PREFIX} (make bench-deps): ${e.message}`);
}
if (ort && kind === 'web') {
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.simd = true;
}

const grid = gridPoints();

async function makeModel(w) {
  if (w.kind !== 'grid') return { unsupported: 'ONNX Runtime runs models; it does not train them' };
  if (!ort) throw new Error(`onnxruntime is not installed in ${ORT_PREFIX} (make bench-deps)`);
  // Uniform weights in ±sqrt(6/(in + out)) (Xavier), zero biases: any finite network costs the same.
  const rng = makeRng(5);
  const widths = [2, ...w.hidden, 1];
  const weights = widths.slice(1).map((out, l) => {
    const limit = Math.sqrt(6 / (widths[l] + out));
    return Array.from({ length: out * widths[l] }, () => (2 * rng() - 1) * limit);
  });
  const bytes = mlpModel(2, widths.slice(1), (l, to, from) => weights[l][to * widths[l] + from], () => 0);
  const session = await ort.InferenceSession.create(bytes, kind === 'web' ? { executionProviders: ['wasm'] } : {});
  const n = GRID_RESOLUTION * GRID_RESOLUTION;
  const feeds = { x: new ort.Tensor('float32', grid, [n, 2]) };
  return {
    lossName: 'none (inference)',
    async grid() {
      const result = await session.run(feeds);
      return result.y.data;
    },
    dispose() { session.release?.(); },
  };
}

process.exitCode = await runBench(impl, makeModel, args);
