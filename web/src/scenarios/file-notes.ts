// A built-in scenario file opens with comment lines saying what it models and from which sources;
// the page shows them beside the scenario's description.
export function leadingComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^#\s?(.*)$/.exec(line);
    if (match === null) break;
    lines.push(match[1] ?? '');
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}
