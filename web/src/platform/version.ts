// The browser twin of analysis/version.ts (swapped in by web/tools/build.ts): the page cannot read
// package.json or fingerprint the compiled model from disk, so its version comes from the build and its
// model is named 'web'. Plans made here are never merged with stored command-line results.
import type { ToolVersion } from '../../../analysis/version.js';

declare const __THUISZIT_VERSION__: string;

export type { ToolVersion } from '../../../analysis/version.js';

export function thuiszitVersion(): string {
  return __THUISZIT_VERSION__;
}

export function toolVersion(): ToolVersion {
  return { version: thuiszitVersion(), model: 'web' };
}

export function describeTool(tool: ToolVersion): string {
  return `thuiszit ${tool.version} (model ${tool.model})`;
}
