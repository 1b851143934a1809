// Charts become static SVG in Node: vega-lite compiles the spec to vega, and vega renders it
// headless (renderer 'none'). Without the optional canvas package vega estimates text widths
// from character counts, which needs no fonts and gives the same layout on every machine.
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View, type Loader } from 'vega';

// Every chart carries its data inline; a loader that refuses makes a stray URL an error rather
// than a network request from a machine that may be offline or must not leak what it runs.
const offlineLoader = {
  load: (uri: string) => Promise.reject(new Error(`chart tried to load '${uri}'; charts must carry their data inline`)),
  sanitize: (uri: string) => Promise.reject(new Error(`chart tried to load '${uri}'; charts must carry their data inline`)),
  http: () => Promise.reject(new Error('charts must not use the network')),
  file: () => Promise.reject(new Error('charts must not read files')),
} as unknown as Loader;

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // vega tags every inline datum it ingests; a copy keeps the caller's spec as it was written.
  const vegaSpec = compile(structuredClone(spec)).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', loader: offlineLoader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
