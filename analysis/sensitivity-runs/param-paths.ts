// A --param path must name a numeric parameter of the scenario being varied, or, given choices, a
// field that accepts every one of them. Checked before any run, with the option and the text as
// given, so a typo is reported as the user wrote it.
import { getParam } from '../../scenarios/params.js';
import type { Scenario } from '../../scenarios/schema.js';
import { OptionError } from '../commands/option-checks.js';
import { withValues } from '../decomposition/scenario-values.js';
import type { ParamRange } from '../sensitivity/parameters.js';

function checkChoices(scenario: Scenario, range: ParamRange & { choices: unknown[] }): void {
  for (const value of range.choices) withValues(scenario, [{ path: range.path, found: true, value }]);
}

/** texts[i] is the command-line text that ranges[i] was parsed from. */
export function checkParamPaths(scenario: Scenario, ranges: readonly ParamRange[], texts: readonly string[]): void {
  ranges.forEach((range, i) => {
    try {
      if (range.choices === undefined) getParam(scenario, range.path);
      else checkChoices(scenario, { ...range, choices: range.choices });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const expected = range.choices === undefined
        ? 'path=low:high with a numeric parameter path of the scenario (see `thuiszit params`)'
        : 'path=a,b with choices the scenario field accepts (see `thuiszit schema`)';
      throw new OptionError('param', texts[i] ?? range.path, `${expected}; ${reason}`);
    }
  });
}
