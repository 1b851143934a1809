// Names the web build supplies (web/tools/build.ts): the package version, and the built-in scenario
// files as text keyed by name.
declare const __THUISZIT_VERSION__: string;

declare module 'thuiszit:builtin-scenarios' {
  const texts: Readonly<Record<string, string>>;
  export default texts;
}
