#!/usr/bin/env node
// serve.mjs: a tiny static file server for the built page (make serve, browser tests).
// Usage: node scripts/serve.mjs [DIR] [PORT]; PORT 0 picks a free one. Serves on 127.0.0.1
// only, with the right Content-Type for .wasm (streaming compilation needs application/wasm).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.css': 'text/css', '.ico': 'image/x-icon',
};

// Starts serving dir; resolves to {server, port, url}.
export function serve(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
                           'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      ok({ server, port: actual, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'build/wasm-release';
  const port = Number(process.argv[3] || 8080);
  const { url } = await serve(dir, port);
  console.log(`nnplay: serving ${dir} on ${url} (Ctrl-C stops)`);
}
