// What a package changes, as components that can be switched on one at a time. A component is a
// set of leaf changes between the resolved package and the resolved reference: by default every
// change grouped by its first two path segments (`policy.casusregisseur`, `care.ggz`,
// `school.shareWithMdt`), or a group the user names with `--component name=path1,path2`.
import { canonicalJson } from '../../scenarios/canonical.js';
import { compareDotPaths, formatDotPath, isPlainObject, parseDotPath, pathsOverlap, type PathSegment } from '../../scenarios/dot-path.js';
import { OptionError } from '../commands/option-checks.js';
import type { PathValue } from './scenario-values.js';

/** Scenario labels: they name a scenario and are never read by the model, so they are no change. */
const LABEL_FIELDS: ReadonlySet<string> = new Set(['name', 'description']);

/** Leaf changes are grouped by this many leading path segments (section and block). */
const GROUP_DEPTH = 2;

export interface LeafChange {
  path: string;
  reference: PathValue;
  package: PathValue;
}

export interface Component {
  name: string;
  /** Sorted leaf paths; switching the component on sets each to the package's value. */
  changes: LeafChange[];
}

export interface ComponentGroup {
  name: string;
  paths: string[];
}

function value(path: string, found: boolean, v: unknown): PathValue {
  return { path, found, value: found ? v : null };
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const left = Object.keys(a).sort();
  const right = Object.keys(b).sort();
  return left.length === right.length && left.every((key, i) => key === right[i]);
}

/**
 * Every leaf where the two scenarios differ. A list, or a block whose fields differ between the two
 * (a distribution of another type), is one leaf: set in part it could be something neither states.
 * At the top level a field only one side has is a leaf of its own.
 */
export function changedLeaves(reference: unknown, pkg: unknown): LeafChange[] {
  const changes: LeafChange[] = [];
  const visit = (a: unknown, b: unknown, aFound: boolean, bFound: boolean, segments: PathSegment[]): void => {
    const root = segments.length === 0;
    if (isPlainObject(a) && isPlainObject(b) && (root || sameKeys(a, b))) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const key of keys) {
        if (root && LABEL_FIELDS.has(key)) continue;
        visit(a[key], b[key], Object.hasOwn(a, key), Object.hasOwn(b, key), [...segments, key]);
      }
      return;
    }
    if (aFound === bFound && canonicalJson(a) === canonicalJson(b)) return;
    const path = formatDotPath(segments);
    changes.push({ path, reference: value(path, aFound, a), package: value(path, bFound, b) });
  };
  visit(reference, pkg, true, true, []);
  return changes.sort((x, y) => compareDotPaths(x.path, y.path));
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Parses `name=path1,path2` as given to --component. */
export function parseComponentGroup(text: string): ComponentGroup {
  const equals = text.indexOf('=');
  const expected = 'name=path1,path2 (a component name, then the dot paths it groups, e.g. mandate=policy.casusregisseur.forcePlace)';
  if (equals < 0) throw new OptionError('component', text, expected);
  const name = text.slice(0, equals).trim();
  const paths = text.slice(equals + 1).split(',').map((p) => p.trim());
  if (!NAME_PATTERN.test(name) || paths.some((p) => p === '' || parseDotPath(p).some((s) => s === ''))) throw new OptionError('component', text, expected);
  return { name, paths };
}

function defaultGroup(path: string): string {
  return formatDotPath(parseDotPath(path).slice(0, GROUP_DEPTH));
}

/**
 * Components in a fixed order: the named groups as given, then the default groups by path. A named
 * path takes every change at or inside it (or the change it lies inside, when a whole block is one
 * change); it must take at least one, and no change may fall in two named groups.
 */
export function groupComponents(changes: readonly LeafChange[], groups: readonly ComponentGroup[]): Component[] {
  const owner = new Map<string, string>();
  const named: Component[] = groups.map((group) => ({ name: group.name, changes: [] }));
  groups.forEach((group, g) => {
    for (const path of group.paths) {
      const taken = changes.filter((c) => pathsOverlap(parseDotPath(path), parseDotPath(c.path)));
      if (taken.length === 0) {
        throw new OptionError('component', `${group.name}=${group.paths.join(',')}`, `paths the package changes (${changes.map((c) => c.path).join(', ')}); '${path}' changes nothing`);
      }
      for (const change of taken) {
        const earlier = owner.get(change.path);
        if (earlier !== undefined && earlier !== group.name) {
          throw new OptionError('component', `${group.name}=${group.paths.join(',')}`, `each change in one component ('${change.path}' is also in '${earlier}')`);
        }
        if (earlier === undefined) named[g]!.changes.push(change);
        owner.set(change.path, group.name);
      }
    }
  });
  const rest = new Map<string, LeafChange[]>();
  for (const change of changes) {
    if (owner.has(change.path)) continue;
    const key = defaultGroup(change.path);
    rest.set(key, [...(rest.get(key) ?? []), change]);
  }
  const components = [...named, ...[...rest].map(([name, grouped]) => ({ name, changes: grouped }))];
  const names = components.map((c) => c.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new OptionError('component', repeated, `a name no other component has (the changes under '${repeated}' form a component of that name already)`);
  for (const component of components) component.changes.sort((x, y) => compareDotPaths(x.path, y.path));
  return components;
}
