// A small static server for web/dist: what `npm run web` and the browser tests open. It serves one
// folder under a base path (a subpath, as GitHub Pages would), on the loopback address only, and
// never outside that folder.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The file a request path names inside `root`, or null for anything outside it or missing. */
export function fileFor(root: string, basePath: string, requestPath: string): string | null {
  if (!requestPath.startsWith(basePath)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(requestPath.slice(basePath.length).split('?')[0] ?? '');
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const file = path.resolve(root, relative === '' ? 'index.html' : relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const target = existsSync(file) && statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
  return existsSync(target) && statSync(target).isFile() ? target : null;
}

export function serveStatic(rootDir: string, options: { port?: number; basePath?: string } = {}): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const basePath = options.basePath ?? '/';
  const server = http.createServer((request, response) => {
    const file = request.method === 'GET' || request.method === 'HEAD' ? fileFor(root, basePath, request.url ?? '/') : null;
    if (file === null) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${basePath}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
