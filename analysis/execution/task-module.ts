// Loads the module that does the work of one item. It is named by path or URL (not passed as a
// function) because worker threads cannot receive functions: each thread imports it for itself.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What a task may know besides its input: where its run keeps files (null when nothing is stored). */
export interface TaskContext {
  storeDir: string | null;
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
