// A task threw (or returned something JSON cannot hold) for one item; the run is abandoned.
export class WorkItemError extends Error {
  readonly itemId: string;
  readonly taskStack: string;

  constructor(itemId: string, message: string, taskStack: string) {
    super(`work item '${itemId}' failed: ${message}`);
    this.name = 'WorkItemError';
    this.itemId = itemId;
    this.taskStack = taskStack;
    this.stack = `${this.name}: ${this.message}\ntask stack:\n${taskStack}`;
  }
}
