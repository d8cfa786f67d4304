// server.test.mjs: scripts/serve.mjs against the requests that used to break or fool it
// (issue 13, reliability finding 2): malformed percent-encoding, paths out of the root, the
// build folder's other files, other methods, many large downloads at once, bad start-ups.
// Runs with the browser tests (make test-web) but needs no browser and no build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'serve.mjs');
const BIG = 32 << 20;  // bytes of the large file
let base, site, server, port;

// One raw request (paths are sent as written, not normalised); resolves to {status, headers, body}.
function fetchRaw(path, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers,
                               body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

before(async () => {
  base = mkdtempSync(join(tmpdir(), 'nnplay-serve-'));
  site = join(base, 'site');
  mkdirSync(site);
  mkdirSync(join(site, 'fonts'));
  mkdirSync(join(base, 'site-secret'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(site, 'nnplay.js'), 'console.log(1)');
  writeFileSync(join(site, 'nnplay.wasm'), Buffer.alloc(BIG, 7));
  writeFileSync(join(site, 'CMakeCache.txt'), 'CMAKE_HOME=/secret');
  writeFileSync(join(site, 'compile_commands.json'), '[]');
  writeFileSync(join(site, 'libnnplay_engine.a'), 'lib');
  writeFileSync(join(site, 'fonts', 'x.js'), 'nested');
  writeFileSync(join(base, 'site-secret', 's.txt'), 'secret');
  writeFileSync(join(base, 'outside.js'), 'outside');
  symlinkSync(join(base, 'outside.js'), join(site, 'link.js'));
  ({ server, port } = await serve(site, 0));
});

after(() => {
  server?.close();
  rmSync(base, { recursive: true, force: true });
});

test('serves the page files with their types', async () => {
  const index = await fetchRaw('/');
  assert.equal(index.status, 200);
  assert.match(index.body.toString(), /<title>page/);
  assert.match(index.headers['content-type'], /^text\/html/);
  const wasm = await fetchRaw('/nnplay.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.body.length, BIG);
  const head = await fetchRaw('/nnplay.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-length'], '14');
  assert.equal(head.body.length, 0);
});

test('cross-origin isolation headers only when asked for (the page with threads)', async () => {
  const plain = await fetchRaw('/');
  assert.equal(plain.headers['cross-origin-opener-policy'], undefined);
  assert.equal(plain.headers['cross-origin-embedder-policy'], undefined);
  const isolated = await serve(site, 0, '127.0.0.1', { isolated: true });
  try {
    const res = await new Promise((ok, fail) => {
      request({ host: '127.0.0.1', port: isolated.port, path: '/nnplay.js' }, (r) => { r.resume(); ok(r); })
        .on('error', fail).end();
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp');
  } finally {
    isolated.server.close();
  }
});

test('malformed percent-encoding gets 400 and the server keeps serving', async () => {
  for (const path of ['/%ZZ', '/%', '/%FF', '/%C0%AF', '/%E0%A4%A'])
    assert.equal((await fetchRaw(path)).status, 400, path);
  assert.equal((await fetchRaw('/')).status, 200);
});

test('nothing outside the root: sibling folders, encoded separators, symlinks', async () => {
  for (const path of ['/..%2fsite-secret/s.txt', '/%2e%2e%2fsite-secret%2fs.txt', '/../site-secret/s.txt',
                      '/..%5csite-secret%5cs.txt', '/%2fetc%2fpasswd', '/link.js']) {
    const r = await fetchRaw(path);
    assert.ok(r.status === 403 || r.status === 404, `${path}: ${r.status}`);
    assert.doesNotMatch(r.body.toString(), /secret|outside/, path);
  }
  assert.equal((await fetchRaw('/link.js')).status, 403);
});

test('only the page files: not the rest of a build folder', async () => {
  for (const path of ['/CMakeCache.txt', '/compile_commands.json', '/libnnplay_engine.a', '/fonts/x.js',
                      '/fonts/', '/.hidden.js'])
    assert.equal((await fetchRaw(path)).status, 404, path);
});

test('methods other than GET and HEAD get 405', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
    const r = await fetchRaw('/index.html', method);
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, HEAD');
  }
});

test('large files are streamed: many downloads at once do not hold the file in memory each', async () => {
  // 10 downloads of the 32 MB file that nobody reads yet: read whole per request, they would
  // hold 320 MB; streamed, what is held is the sockets' buffers (a few MB each, client included).
  global.gc?.();
  const before = process.memoryUsage();
  const held = before.arrayBuffers + before.external;
  const responses = await Promise.all(Array.from({ length: 10 }, () => new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/nnplay.wasm' }, (res) => { res.pause(); ok({ req, res }); });
    req.on('error', fail);
    req.end();
  })));
  // Let the streams fill their buffers up to the sockets' backpressure.
  await new Promise((ok) => setTimeout(ok, 200));
  const now = process.memoryUsage();
  const grown = now.arrayBuffers + now.external - held;
  for (const { req } of responses) req.destroy();
  assert.ok(grown < 10 * BIG / 4, `memory grew by ${(grown / 2 ** 20).toFixed(1)} MB for 10 paused downloads`);
  assert.equal((await fetchRaw('/')).status, 200);
});

test('a missing root, a busy port and a bad port give clear errors, not stack traces', async () => {
  await assert.rejects(serve(join(base, 'missing'), 0), /missing is not a folder/);
  await assert.rejects(serve(site, port), /port \d+ on 127\.0\.0\.1 is in use/);
  for (const [args, status, message] of [
    [[site, 'abc'], 2, /the port must be a number 0\.\.65535, not 'abc'/],
    [[site, String(port)], 1, /is in use/],
    [[join(base, 'missing'), '0'], 1, /is not a folder/],
  ]) {
    const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 20000 });
    assert.equal(run.status, status, run.stderr);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  }
});
