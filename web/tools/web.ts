// `npm run build:web` (build only) and `npm run web` (build, then serve on localhost and print the URL).
import { buildWeb, sizeReport } from './build.js';
import { serveStatic } from './serve.js';

const build = await buildWeb();
process.stdout.write(`web app built in ${build.outDir}\n${sizeReport(build)}\n`);
if (process.argv.includes('--serve')) {
  const port = Number(process.env['PORT'] ?? 8080);
  const server = await serveStatic(build.outDir, { port });
  process.stdout.write(`thuiszit web app: ${server.url}  (Ctrl-C stops it)\n`);
}
