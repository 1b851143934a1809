// `npm run build:web`: bundles the web app with esbuild into web/dist/ — the page, its stylesheet, the
// app script and the worker script, all classic scripts with relative addresses, so the folder works
// from any static host, under any subpath, and opened from disk. The built-in scenario files are
// bundled as text, and scenarios/sha256.ts and analysis/version.ts are swapped for their browser twins; any other Node
// module reaching the bundle fails the build (platform 'browser' cannot resolve it).
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { listScenarioNames, packageRoot } from '../../scenarios/files.js';

export interface BuiltFile {
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface WebBuild {
  outDir: string;
  files: BuiltFile[];
}

const STATIC_FILES = ['index.html', 'styles.css', 'favicon.svg'];

function builtinScenariosPlugin(root: string): esbuild.Plugin {
  return {
    name: 'thuiszit-builtin-scenarios',
    setup(build) {
      build.onResolve({ filter: /^thuiszit:builtin-scenarios$/ }, (args) => ({ path: args.path, namespace: 'thuiszit-builtin' }));
      build.onLoad({ filter: /.*/, namespace: 'thuiszit-builtin' }, () => {
        const dir = path.join(root, 'scenarios');
        const texts = Object.fromEntries(listScenarioNames(dir).map((name) => [name, readFileSync(path.join(dir, `${name}.yaml`), 'utf8')]));
        return { contents: `export default ${JSON.stringify(texts)};`, loader: 'js', watchFiles: Object.keys(texts).map((n) => path.join(dir, `${n}.yaml`)) };
      });
    },
  };
}

function browserTwinsPlugin(root: string): esbuild.Plugin {
  const twins = new Map([
    [path.join(root, 'scenarios', 'sha256.js'), path.join(root, 'web', 'src', 'platform', 'sha256.ts')],
    // The tool version reads package.json and fingerprints the compiled model from disk; the page knows its version from the build.
    [path.join(root, 'analysis', 'version.js'), path.join(root, 'web', 'src', 'platform', 'version.ts')],
  ]);
  return {
    name: 'thuiszit-browser-twins',
    setup(build) {
      build.onResolve({ filter: /(sha256|version)\.js$/ }, (args) => {
        const twin = twins.get(path.resolve(args.resolveDir, args.path));
        return twin === undefined ? undefined : { path: twin };
      });
    },
  };
}

export async function buildWeb(outDir?: string): Promise<WebBuild> {
  const root = packageRoot();
  const out = outDir ?? path.join(root, 'web', 'dist');
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: { app: path.join(root, 'web', 'src', 'main.ts'), worker: path.join(root, 'web', 'src', 'run', 'worker.ts') },
    outdir: out,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    define: { __THUISZIT_VERSION__: JSON.stringify(version) },
    plugins: [builtinScenariosPlugin(root), browserTwinsPlugin(root)],
    logLevel: 'error',
  });
  for (const name of STATIC_FILES) copyFileSync(path.join(root, 'web', name), path.join(out, name));
  const names = [...STATIC_FILES, 'app.js', 'worker.js'];
  const files = names.map((name) => {
    const content = readFileSync(path.join(out, name));
    return { name, bytes: statSync(path.join(out, name)).size, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return { outDir: out, files };
}

export function sizeReport(build: WebBuild): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  const lines = build.files.map((f) => `  ${f.name.padEnd(12)} ${kb(f.bytes).padStart(12)}  gzip ${kb(f.gzipBytes).padStart(10)}`);
  const total = build.files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return `${lines.join('\n')}\n  total gzip ${kb(total)} (${(total / 1024 / 1024).toFixed(2)} MiB)`;
}
