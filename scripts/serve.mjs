#!/usr/bin/env node
// serve.mjs: a small static server for the built page (make serve, browser tests). It serves
// only the page's own files from the top of one folder (never the rest of a build folder),
// streams them, answers bad requests with 400/403/404/405 and keeps serving whatever comes in.
// Usage: node scripts/serve.mjs [DIR] [PORT]; PORT 0 picks a free one. HOST=0.0.0.0 (opt-in)
// listens on every network interface, e.g. to open the page from a phone; default 127.0.0.1.
// The page is served cross-origin isolated (COOP and COEP headers), so index.html loads the
// build with WebAssembly threads; ISOLATED=0 serves it without them (the one-thread build).
import { createServer } from 'node:http';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, sep } from 'node:path';

// The page's files are the top-level files of the build folder with these extensions
// (index.html, nnplay.js, nnplay.wasm, nnplay.data, ...): never CMakeCache.txt,
// compile_commands.json, static libraries or anything in a subfolder.
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.css': 'text/css', '.ico': 'image/x-icon', '.ttf': 'font/ttf', '.woff2': 'font/woff2',
};

// The file name a request path asks for, or an HTTP status refusing it. Only one path
// segment, of plain characters, with a page extension: '/' is index.html.
export function pageFile(pathname) {
  let name;
  try {
    name = decodeURIComponent(pathname);
  } catch {
    return { status: 400, reason: 'malformed percent-encoding' };
  }
  if (name === '/') name = '/index.html';
  if (!/^\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name))
    return { status: 404, reason: 'not a file of the page' };
  name = name.slice(1);
  if (!TYPES[extname(name)]) return { status: 404, reason: 'not a file of the page' };
  return { name };
}

function refuse(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache',
                          ...(status === 405 ? { Allow: 'GET, HEAD' } : {}) });
  res.end(`${text}\n`);
}

// The headers that make a page cross-origin isolated (SharedArrayBuffer, hence threads). Every
// file of the page comes from this one origin, so require-corp blocks nothing of ours.
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

// Answers one request from the folder whose real path is root.
async function answer(root, req, res, isolated) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
  let pathname;
  try {
    pathname = new URL(req.url, 'http://x').pathname;
  } catch {
    return refuse(res, 400, 'bad request');
  }
  const asked = pageFile(pathname);
  if (asked.status) return refuse(res, asked.status, asked.status === 400 ? 'bad request' : 'not found');
  // The real path must lie in the real root: a symlink out of it is refused.
  let file;
  try {
    file = await realpath(root + sep + asked.name);
  } catch {
    return refuse(res, 404, 'not found');
  }
  if (!file.startsWith(root + sep)) return refuse(res, 403, 'forbidden');
  let info;
  try {
    info = await stat(file);
  } catch {
    return refuse(res, 404, 'not found');
  }
  if (!info.isFile()) return refuse(res, 404, 'not found');
  res.writeHead(200, { 'Content-Type': TYPES[extname(asked.name)], 'Content-Length': info.size,
                       'Cache-Control': 'no-cache', ...(isolated ? ISOLATION : {}) });
  if (req.method === 'HEAD') return res.end();
  // Streamed: memory stays flat however many requests come at once.
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

// Starts serving dir on host:port; resolves to {server, port, url}. Rejects with a clear
// message when dir is not a folder or the port cannot be listened on. isolated: with COOP and
// COEP headers (see ISOLATION).
export function serve(dir, port = 0, host = '127.0.0.1', { isolated = false } = {}) {
  let root;
  try {
    root = realpathSync(dir);
    if (!statSync(root).isDirectory()) throw new Error();
  } catch {
    return Promise.reject(new Error(`${dir} is not a folder (build the page first: make web)`));
  }
  const server = createServer((req, res) => {
    answer(root, req, res, isolated).catch(() => { if (!res.headersSent) refuse(res, 500, 'server error'); else res.destroy(); });
  });
  server.on('clientError', (_, socket) => socket.destroy());
  return new Promise((ok, fail) => {
    server.once('error', (e) => {
      fail(new Error(e.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use (try PORT=...)`
                   : e.code === 'EACCES' ? `no permission to listen on port ${port}`
                   : `cannot listen on ${host}:${port}: ${e.message}`));
    });
    server.listen(port, host, () => {
      const actual = server.address().port;
      const shown = host.includes(':') ? `[${host}]` : host;
      ok({ server, port: actual, url: `http://${shown}:${actual}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'build/wasm-release';
  const portText = process.argv[3] || '8080';
  const host = process.env.HOST || '127.0.0.1';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    console.error(`nnplay serve: the port must be a number 0..65535, not '${portText}'`);
    process.exit(2);
  }
  const isolated = process.env.ISOLATED !== '0';
  try {
    const { url } = await serve(dir, port, host, { isolated });
    console.log(`nnplay: serving ${dir} on ${url} (Ctrl-C stops)` +
                (isolated ? ', cross-origin isolated: the page with threads' : ''));
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
      console.log(`nnplay: listening on ${host}: other machines on the network can open the page`);
  } catch (e) {
    console.error(`nnplay serve: ${e.message}`);
    process.exit(1);
  }
}
