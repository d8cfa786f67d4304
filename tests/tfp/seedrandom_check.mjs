// seedrandom_check.mjs DUMP_BINARY: compares nnplay's SeedRandom (engine/tfp/seedrandom.cpp,
// through tests/tfp/seedrandom_dump) with the npm package seedrandom 2.4.4, the generator
// TensorFlow Playground's page uses: the first 3000 draws of each seed, bit for bit.
// Exits 0 on success; with no node_modules/seedrandom it says so and exits 77 (skipped).
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
let seedrandom;
try {
  seedrandom = require('seedrandom');
} catch {
  console.log('seedrandom_check: skipped, node_modules/seedrandom is missing (npm install)');
  process.exit(77);
}
const version = require('seedrandom/package.json').version;
if (version !== '2.4.4') {
  console.log(`seedrandom_check: FAIL, node_modules/seedrandom is ${version}, not 2.4.4`);
  process.exit(1);
}

const count = 3000;
const seeds = [
  '', '0', '0.80725', '0.12345', '1', 'nnplay', 'hello world', '%20+&=#',
  'héllo wörld', '日本語のシード', 'emoji 🎲🧠 seed', '\u00ff\u0100\u01ff',
  'x'.repeat(255), 'y'.repeat(256), 'z'.repeat(257),
  Array.from({length: 300}, (_, i) => String.fromCharCode(33 + (i * 7) % 90)).join(''),
  'ü'.repeat(600) + '🎲'.repeat(100),
];
const input = seeds.map(s => (s ? Buffer.from(s, 'utf8').toString('hex') : '-') + ' ' + count).join('\n') + '\n';
const run = spawnSync(process.argv[2], [], {input, encoding: 'utf8', maxBuffer: 1 << 28});
if (run.status !== 0) {
  console.log('seedrandom_check: FAIL, the dump helper failed:', run.stderr || run.error);
  process.exit(1);
}
const lines = run.stdout.trimEnd().split('\n');
const bits = new DataView(new ArrayBuffer(8));
let passed = 0, failed = 0;
seeds.forEach((seed, k) => {
  const rng = seedrandom(seed);
  const ours = (lines[k] || '').split(' ');
  for (let i = 0; i < count; i++) {
    bits.setFloat64(0, rng());
    const theirs = bits.getBigUint64(0).toString(16).padStart(16, '0');
    if (ours[i] !== theirs) {
      failed++;
      console.log(`FAIL: seed ${JSON.stringify(seed.slice(0, 40))} (${seed.length} units), draw ${i}: ` +
                  `ours ${ours[i]}, seedrandom ${theirs}`);
      return;
    }
  }
  passed++;
});
console.log(`seedrandom_check: ${passed} passed, ${failed} failed (${count} draws per seed)`);
process.exit(failed ? 1 : 0);
