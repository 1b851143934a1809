// Loads the module that does the work of one item. It is named by path or URL (not passed as a
// function) because worker threads cannot receive functions: each thread imports it for itself.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What a task may know besides its input. */
export interface TaskContext {
  /** Where its run keeps files (null when nothing is stored). */
  storeDir: string | null;
  /** The plan's shared part (frozen: items of one plan must not see each other's changes). */
  shared: unknown;
}

export type ExecuteFunction = (input: unknown, context: TaskContext) => unknown;

export function taskModuleUrl(taskModule: string): string {
  if (taskModule.startsWith('file:')) return taskModule;
  if (!isAbsolute(taskModule)) {
    throw new Error(`taskModule is '${taskModule}'; expected an absolute path or a file: URL of a compiled ESM module`);
  }
  return pathToFileURL(taskModule).href;
}

export async function loadExecute(taskModule: string): Promise<ExecuteFunction> {
  const url = taskModuleUrl(taskModule);
  const loaded = (await import(url)) as { execute?: unknown };
  if (typeof loaded.execute !== 'function') {
    throw new Error(`task module ${url} exports execute as ${typeof loaded.execute}; expected \`export function execute(input)\``);
  }
  return loaded.execute as ExecuteFunction;
}

/**
 * The shared part as a task sees it: a private copy, frozen at every depth, so a task that changed it
 * would fail at once in every mode instead of silently altering the items after it on one worker.
 */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
