// run.mjs: `make bench`'s driver. Runs, one after another in this one run, nnplay natively,
// nnplay in WebAssembly (under Node), the JavaScript peers and ONNX Runtime (W4) on the same five workloads, writes
// build/bench.jsonl and prints a table with the ratios, computed only from this run's figures;
// then each build's formula activations against the built-ins (`nnplay bench --formulas`).
// Usage: node scripts/bench/run.mjs [--reps N]   (from the repository's root; default 7 reps)
// NNPLAY_NATIVE=path/nnplay NNPLAY_WASM_CLI=path/nnplay-cli.js choose the builds to time.
//
// The N repetitions of a figure are N rounds: each round starts every implementation once, in
// turn, for a warm-up and one timed repetition. On a shared machine the speed of a whole process
// can drift by 1.5× for seconds at a time (measured here: the same binary at 15 M or 25 M
// samples/s, one or the other for a process's whole life); in rounds, every implementation
// meets the same drift, so the ratios between them hold.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { WORKLOADS } from './common.mjs';

const argv = process.argv.slice(2);
const repsAt = argv.indexOf('--reps');
const reps = repsAt >= 0 ? Number(argv[repsAt + 1]) : 7;
if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps: a positive integer, not ${argv[repsAt + 1]}`);

// The builds `make bench` makes; NNPLAY_NATIVE and NNPLAY_WASM_CLI time others (e.g. a branch's).
const NATIVE = process.env.NNPLAY_NATIVE || 'build/native-release/nnplay';
// The page's engine built as a CLI (CommonJS: build/wasm-release has a package.json saying so).
const WASM_CLI = process.env.NNPLAY_WASM_CLI || 'build/wasm-release/nnplay-cli.js';
// The same with WebAssembly threads (the page's build for a cross-origin isolated page), on W4:
// the only workload engine/parallel.h splits between two threads.
const WASM_CLI_MT = process.env.NNPLAY_WASM_CLI_MT || 'build/wasm-threads/nnplay-cli-mt.js';
const node = process.execPath;
const script = (name) => `scripts/bench/${name}.mjs`;

// In the order they run. nnplay's CLI prints impl "nnplay-native" in both builds: the driver
// names the row after the command it ran.
const RUNS = [
  { impl: 'nnplay-native', cmd: NATIVE, args: ['bench', '--json'] },
  { impl: 'nnplay-wasm', cmd: node, args: ['--no-experimental-fetch', WASM_CLI, 'bench', '--json'] },
  { impl: 'nnplay-wasm-2t', cmd: node, args: ['--no-experimental-fetch', WASM_CLI_MT, 'bench', '--json', '--only', 'W4'],
    only: ['W4'] },
  { impl: 'tfjs-cpu', cmd: node, args: [script('tfjs'), 'cpu'] },
  { impl: 'tfjs-wasm', cmd: node, args: ['--no-experimental-fetch', script('tfjs'), 'wasm'] },
  { impl: 'brainjs', cmd: node, args: [script('brainjs')] },
  { impl: 'convnetjs', cmd: node, args: [script('convnetjs')] },
  // ONNX Runtime, W4 only: its WebAssembly build is a peer; its native build is the reference.
  { impl: 'ort-web-1t', cmd: node, args: [script('ort'), 'web', '1'] },
  { impl: 'ort-web-2t', cmd: node, args: [script('ort'), 'web', '2'] },
  { impl: 'ort-node', cmd: node, args: [script('ort'), 'node'] },
];
const PEERS = ['tfjs-cpu', 'tfjs-wasm', 'brainjs', 'convnetjs', 'ort-web-1t', 'ort-web-2t'];
// The targets: nnplay-wasm against the best peer (issue 5; W4 against ONNX Runtime's WebAssembly
// build and W5 from issue 14), and nnplay-wasm against native.
const TARGET_PEER = { W1: 10, W2: 15, W3: 10, W4: 2.5, W5: 10 };
const TARGET_NATIVE = { W1: 0.5, W2: 0.5 };

const started = new Date();
// Per implementation and workload: the timed figure of every round, and the last line read;
// unsupported: why the implementation cannot run the workload (not a failure).
const figures = new Map(); // `${impl} ${workload}` → { values: [], line, error, unsupported }
const slot = (impl, id) => {
  const key = `${impl} ${id}`;
  if (!figures.has(key)) figures.set(key, { values: [], line: null, error: null, unsupported: null });
  return figures.get(key);
};
for (let round = 1; round <= reps; ++round) {
  const t0 = Date.now();
  for (const run of RUNS) {
    const args = [...run.args, '--reps', '1']; // one timed repetition per round
    if (round === 1) process.stderr.write(`bench: ${run.impl}: ${[run.cmd, ...args].join(' ')}\n`);
    const child = spawnSync(run.cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    const byWorkload = new Map();
    for (const text of (child.stdout || '').split('\n')) {
      if (!text.startsWith('{')) continue; // tfjs prints a banner on stdout
      const line = JSON.parse(text);
      byWorkload.set(line.workload, line);
    }
    for (const w of WORKLOADS) {
      if (run.only && !run.only.includes(w.id)) {
        slot(run.impl, w.id).unsupported = 'a second thread serves only the grid (W4)';
        continue;
      }
      const line = byWorkload.get(w.id);
      const unit = w.kind === 'train' ? 'samples_per_s' : 'ms_per_grid';
      const f = slot(run.impl, w.id);
      if (line?.status === 'unsupported') {
        f.unsupported = line.error;
      } else if (line && line.status !== 'failed' && Number.isFinite(line[unit])) {
        f.values.push(line[unit]);
        f.line = line;
      } else {
        f.error ??= line?.error || (child.error ? String(child.error) : `no result (exit ${child.status})`);
      }
    }
  }
  process.stderr.write(`bench: round ${round} of ${reps}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const records = []; // one per implementation and workload, failed ones included
for (const run of RUNS) {
  for (const w of WORKLOADS) {
    const { values, line, error, unsupported } = slot(run.impl, w.id);
    const unit = w.kind === 'train' ? 'samples_per_s' : 'ms_per_grid';
    if (unsupported) {
      records.push({ impl: run.impl, workload: w.id, status: 'unsupported', reason: unsupported, date: started.toISOString() });
      continue;
    }
    const ok = error == null && values.length > 0;
    const record = { impl: run.impl, workload: w.id };
    record[unit] = ok ? median(values) : null;
    Object.assign(record, {
      min: ok ? Math.min(...values) : null,
      max: ok ? Math.max(...values) : null,
      reps: values.length,
      units_per_rep: line?.epochs_per_rep ?? line?.grids_per_rep ?? null,
      ...(w.kind === 'train' ? { loss_before: line?.loss_before ?? null, loss_after: line?.loss_after ?? null } : {}),
      status: ok ? 'ok' : 'failed',
      ...(ok ? {} : { error: error ?? 'no result' }),
      date: started.toISOString(),
    });
    records.push(record);
  }
}

mkdirSync('build', { recursive: true });
writeFileSync('build/bench.jsonl', records.map((r) => JSON.stringify(r)).join('\n') + '\n');

// ---- The table -------------------------------------------------------------------------------
const figure = (impl, w) => {
  const r = records.find((x) => x.impl === impl && x.workload === w.id);
  return r && r.status === 'ok' ? r[w.kind === 'train' ? 'samples_per_s' : 'ms_per_grid'] : null;
};
// How many times faster a is than b (samples/s: a/b; ms per grid: b/a).
const speedup = (a, b, w) => (a == null || b == null ? null : w.kind === 'train' ? a / b : b / a);
const unsupported = (impl, w) => records.find((x) => x.impl === impl && x.workload === w.id)?.status === 'unsupported';
const fmt = (v, w, impl) => (v == null ? (unsupported(impl, w) ? '—' : 'failed') : w.kind === 'train' ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
const ratio = (v, target) => (v == null ? 'n/a' : `${v >= 10 ? v.toFixed(1) : v.toFixed(2)}×` +
  (target ? (v >= target ? ` (≥ ${target}: met)` : ` (≥ ${target}: MISSED)`) : ''));

const header = ['workload', 'unit', ...RUNS.map((r) => r.impl), 'best peer', 'best wasm / best peer', 'best wasm / native'];
const rows = WORKLOADS.map((w) => {
  const peers = PEERS.map((p) => ({ p, v: figure(p, w) })).filter((x) => x.v != null);
  const best = peers.length === 0 ? null
    : peers.reduce((a, b) => ((w.kind === 'train' ? b.v > a.v : b.v < a.v) ? b : a));
  // nnplay's best WebAssembly figure, as the peers' best: with threads where they serve (W4).
  const wasm = [figure('nnplay-wasm-2t', w), figure('nnplay-wasm', w)].filter((v) => v != null)
    .reduce((a, b) => (a == null || (w.kind === 'train' ? b > a : b < a) ? b : a), null);
  return [
    `${w.id} ${w.description}`,
    w.kind === 'train' ? 'samples/s' : 'ms/grid',
    ...RUNS.map((r) => fmt(figure(r.impl, w), w, r.impl)),
    best ? best.p : 'none',
    ratio(speedup(wasm, best?.v ?? null, w), TARGET_PEER[w.id]),
    ratio(speedup(wasm, figure('nnplay-native', w), w), TARGET_NATIVE[w.id]),
  ];
});
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const version = (dir, p) => {
  try { return `${p} ${JSON.parse(readFileSync(`${dir}/${p}/package.json`, 'utf8')).version}`; } catch { return `${p} missing`; }
};
const versions = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'brain.js', 'convnetjs'].map((p) => version('node_modules', p))
  .concat(['onnxruntime-web', 'onnxruntime-node'].map((p) => version('build/bench-npm/node_modules', p)));
console.log(`nnplay bench, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${os.cpus().length} × ${cpu}, ` +
  `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (at the end), Node ${process.version}`);
console.log(`median of ${reps} repetitions in ${reps} rounds (each ≥ 0.2 s, after a warm-up in its own process); higher samples/s and lower ms/grid are better`);
console.log(versions.join(', '));
console.log('');
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log('');
// How far apart the repetitions were: max/min of the noisiest figure (1.0 = no spread).
const spread = records.filter((r) => r.status === 'ok' && r.min > 0).map((r) => ({ r, s: r.max / r.min }))
  .reduce((a, b) => (b.s > a.s ? b : a), { r: null, s: 1 });
if (spread.r) console.log(`noisiest figure: ${spread.r.impl} ${spread.r.workload}, max/min ${spread.s.toFixed(2)}`);
// What each implementation cannot run ("—" in the table), once per reason.
const reasons = new Map();
for (const r of records.filter((x) => x.status === 'unsupported')) {
  const key = `${r.impl}: ${r.reason}`;
  reasons.set(key, [...(reasons.get(key) ?? []), r.workload]);
}
for (const [key, ids] of reasons) console.log(`— ${key} (${ids.join(', ')})`);
console.log('JSON lines (with min and max): build/bench.jsonl');

// Issue 14: a formula activation against the built-in it equals (`nnplay bench --formulas`:
// W2, both in alternating repetitions in one process), natively and in WebAssembly.
console.log('');
console.log('formula activations on W2, built-in vs formula (samples/s; goal: the formula at most 3× slower, same results)');
const formulaFailures = [];
for (const run of RUNS.slice(0, 2)) {  // native and the one-thread WebAssembly CLI
  const child = spawnSync(run.cmd, [...run.args, '--formulas', '--reps', String(reps)],
                          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = (child.stdout || '').split('\n').filter((t) => t.startsWith('{')).map((t) => JSON.parse(t));
  if (child.status !== 0 || lines.length === 0) formulaFailures.push(`${run.impl} --formulas: exit ${child.status}`);
  for (const l of lines) {
    const slow = l.slowdown;
    console.log(`  ${run.impl.padEnd(14)} ${l.builtin.padEnd(8)} ${l.formula.padEnd(11)} ` +
                `${Math.round(l.builtin_samples_per_s).toLocaleString('en-US').padStart(11)} ` +
                `${Math.round(l.formula_samples_per_s).toLocaleString('en-US').padStart(11)}  ` +
                `${slow.toFixed(2)}× slower${slow <= 3 ? '' : ' (MISSED)'}, ` +
                `${l.same_bits ? 'the same bits' : `losses ${l.builtin_loss} and ${l.formula_loss}`}`);
  }
}
for (const f of formulaFailures) console.error(`bench: FAILED ${f}`);
const failed = records.filter((r) => r.status === 'failed');
for (const r of failed) console.error(`bench: FAILED ${r.impl} ${r.workload}: ${r.error}`);
process.exitCode = failed.length || formulaFailures.length ? 1 : 0;
