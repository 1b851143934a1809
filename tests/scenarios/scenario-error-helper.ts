import { expect } from 'vitest';
import { ScenarioError } from '../../scenarios/errors.js';

/** Runs `action`, asserts it throws a ScenarioError, and returns it for further checks. */
export function scenarioErrorOf(action: () => unknown): ScenarioError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError, but nothing was thrown');
}
