// The static server behind `npm run web` and the browser tests serves its folder and nothing else:
// each probe an attacker might send is a row here.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFor } from '../../web/tools/serve.js';
import { temporaryDir } from '../cli/helpers.js';

const parent = temporaryDir('web-serve');
const root = path.join(parent, 'site');
mkdirSync(path.join(root, 'sub'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), 'page');
writeFileSync(path.join(root, 'app.js'), 'app');
writeFileSync(path.join(root, 'sub', 'index.html'), 'sub page');
writeFileSync(path.join(parent, 'secret.txt'), 'secret');
writeFileSync(path.join(parent, 'site-secret.txt'), 'secret');

const probes: Array<[string, string, string | null]> = [
  ['/app/', '/app/', path.join(root, 'index.html')],
  ['/app/', '/app/app.js', path.join(root, 'app.js')],
  ['/app/', '/app/app.js?v=1', path.join(root, 'app.js')],
  ['/app/', '/app/sub/', path.join(root, 'sub', 'index.html')],
  ['/app/', '/app/missing.js', null],
  ['/app/', '/other/app.js', null],
  ['/app/', '/app/../secret.txt', null],
  ['/app/', '/app/%2e%2e/secret.txt', null],
  ['/app/', '/app/..%2fsecret.txt', null],
  ['/app/', '/app/..%5csecret.txt', null],
  ['/app/', '/app/%2e%2e/site-secret.txt', null],
  ['/app/', `/app/${encodeURIComponent(path.join(parent, 'secret.txt'))}`, null],
  ['/app/', '/app/app.js%00.html', null],
  ['/app/', '/app/%E0%A4%A', null],
];

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('static server', () => {
  it.each(probes)('under %s, %s -> %s', (basePath, request, expected) => {
    expect(fileFor(root, basePath, request)).toBe(expected);
  });
});
