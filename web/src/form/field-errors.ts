// Puts the loader's messages (the command line's, one problem per line) next to the field they are
// about: a line goes to the field whose path it names, the longest such path when several do.
export function errorsByField(message: string, fieldPaths: readonly string[]): { byField: Map<string, string[]>; other: string[] } {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  const paths = [...fieldPaths].sort((a, b) => b.length - a.length);
  for (const line of message.split('\n')) {
    const path = paths.find((p) => line.startsWith(`${p}: `) || line.includes(`: ${p}: `) || line.includes(`: ${p}.`) || line.startsWith(`${p}.`));
    if (path === undefined) other.push(line);
    else byField.set(path, [...(byField.get(path) ?? []), line]);
  }
  return { byField, other };
}
