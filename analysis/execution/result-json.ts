// Every result travels as JSON text, whether it was computed in this thread, in a worker, or read
// back from a store. That is what makes outputs byte-identical for any number of workers and after a
// resume: aggregation always sees the same parsed JSON, never a live object in one case and a
// structured clone in another (which would keep NaN, undefined or a Map that JSON would not).
export function resultToJson(itemId: string, result: unknown): string {
  const text = JSON.stringify(result);
  if (text === undefined) {
    throw new Error(`result of work item '${itemId}' is ${String(result)}; expected a JSON-serialisable value`);
  }
  return text;
}
