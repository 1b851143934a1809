// A --param path must name a numeric parameter of the scenario being varied. Checked before any run,
// with the option and the text as given, so a typo is reported as the user wrote it.
import { getParam } from '../../scenarios/params.js';
import type { Scenario } from '../../scenarios/schema.js';
import { OptionError } from '../commands/option-checks.js';
import type { ParamRange } from '../sensitivity/parameters.js';

/** texts[i] is the command-line text that ranges[i] was parsed from. */
export function checkParamPaths(scenario: Scenario, ranges: readonly ParamRange[], texts: readonly string[]): void {
  ranges.forEach((range, i) => {
    try {
      getParam(scenario, range.path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new OptionError('param', texts[i] ?? range.path, `path=low:high with a numeric parameter path of the scenario (see \`thuiszit params\`); ${reason}`);
    }
  });
}
