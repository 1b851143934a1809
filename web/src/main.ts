// The web app: the page state (in the URL) -> scenarios loaded as the command line loads them -> a
// form per scenario -> a run in Web Workers -> the command line's outputs, table and charts.
import builtinTexts from 'thuiszit:builtin-scenarios';
import { provenanceWithFallback } from '../../scenarios/numeric-leaves.js';
import { provenanceOf } from '../../scenarios/provenance.js';
import { scenarioJsonSchema } from '../../scenarios/json-schema.js';
import { scenarioSchema } from '../../scenarios/schema.js';
import { parseDotPath, valueAtPath } from '../../scenarios/dot-path.js';
import { REPORT_CSS } from '../../analysis/report/styles.js';
import { download } from './downloads.js';
import { errorsByField } from './form/field-errors.js';
import { formFromJsonSchema, withoutField } from './form/form-model.js';
import { createFormView, type FormView } from './form/form-view.js';
import { messages, type Messages } from './i18n/messages.js';
import { runItems, RunCancelled, type PoolRun } from './run/browser-pool.js';
import type { ReplicationShared } from '../../analysis/scenario-runs/plan.js';
import { distinctNames, equivalentCommand, outputsOf, planFor, reportHtml, type Outputs } from './run/comparison.js';
import { progressText } from './run/progress-text.js';
import { showResults } from './results/results-view.js';
import { browserScenarioLoader, choiceFromText, loadChoice } from './scenarios/browser-loader.js';
import { leadingComment } from './scenarios/file-notes.js';
import { scenarioYaml, setPath, valueText, withSet } from './state/scenario-sets.js';
import { formatPageState, LANGUAGES, MAX_SCENARIOS, parsePageState, type Language, type PageState } from './state/url-state.js';

const workerUrl = new URL('worker.js', (document.currentScript as HTMLScriptElement | null)?.src ?? document.baseURI).href;
const loader = browserScenarioLoader(builtinTexts);
// `extends` is the scenario picker's job, not a field.
const formModel = withoutField(formFromJsonSchema(scenarioJsonSchema()), 'extends');
const builtins = loader.listBuiltin();

const $ = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
};

let state: PageState;
let text: Messages;
let editing = 0;
let formView: FormView | null = null;
let activeRun: PoolRun | null = null;
let outputs: Outputs | null = null;

function setState(next: 'idle' | 'running' | 'done' | 'error', message = ''): void {
  document.body.dataset['state'] = next;
  $('error').textContent = next === 'error' ? message : '';
  $<HTMLButtonElement>('run').disabled = next === 'running';
  $<HTMLButtonElement>('cancel').disabled = next !== 'running';
  $('progress-block').hidden = next !== 'running';
}

function saveUrl(): void {
  history.replaceState(null, '', formatPageState({ ...state, run: false }) + location.hash);
  $<HTMLAnchorElement>('share').href = formatPageState({ ...state, run: true });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function baseOf(ref: string): unknown {
  try {
    return loadChoice(loader, { ref, sets: [] }).scenario;
  } catch {
    return {};
  }
}

function staticTexts(): void {
  document.documentElement.lang = state.lang;
  document.title = text.title;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const value = text[element.dataset['text'] as keyof Messages];
    if (typeof value === 'string') element.textContent = value;
  }
  const lang = $<HTMLSelectElement>('lang');
  lang.value = state.lang;
}

function scenarioList(): void {
  const list = $('scenario-list');
  list.replaceChildren();
  state.scenarios.forEach((choice, index) => {
    const item = document.createElement('li');
    item.className = index === editing ? 'scenario editing' : 'scenario';
    const selectId = `scenario-ref-${index}`;
    const label = document.createElement('label');
    label.htmlFor = selectId;
    label.textContent = `${text.scenarioN(index + 1)}${index === 0 ? ` (${text.reference})` : ''}`;
    const select = document.createElement('select');
    select.id = selectId;
    for (const name of ['', ...builtins]) {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name === '' ? text.noExtends : name;
      select.append(option);
    }
    select.value = choice.ref;
    select.addEventListener('change', () => {
      state.scenarios[index] = { ref: select.value, sets: [] };
      editing = index;
      refresh();
    });
    const description = document.createElement('p');
    description.className = 'description';
    try {
      const loaded = loadChoice(loader, choice);
      description.textContent = `${loaded.name}: ${loaded.scenario.description}${choice.sets.length > 0 ? ` (${choice.sets.length} ${text.changed})` : ''}`;
    } catch (error) {
      description.textContent = describe(error);
      description.classList.add('field-error');
    }
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.textContent = text.edit;
    edit.setAttribute('aria-pressed', String(index === editing));
    edit.setAttribute('aria-label', `${text.edit}: ${text.scenarioN(index + 1)}`);
    edit.addEventListener('click', () => {
      editing = index;
      refresh();
    });
    item.append(label, select, edit);
    if (state.scenarios.length > 1) {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = text.remove;
      remove.setAttribute('aria-label', `${text.remove}: ${text.scenarioN(index + 1)}`);
      remove.addEventListener('click', () => {
        state.scenarios.splice(index, 1);
        editing = Math.min(editing, state.scenarios.length - 1);
        refresh();
      });
      item.append(remove);
    }
    item.append(description);
    const notes = leadingComment(builtinTexts[choice.ref] ?? '');
    if (notes !== '') {
      const sources = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = text.sources;
      const body = document.createElement('p');
      body.textContent = notes;
      sources.append(summary, body);
      item.append(sources);
    }
    list.append(item);
  });
  $<HTMLButtonElement>('add-scenario').disabled = state.scenarios.length >= MAX_SCENARIOS;
}

function changeField(path: string, value: string | null): void {
  const choice = state.scenarios[editing];
  if (choice === undefined) return;
  const base = valueAtPath(baseOf(choice.ref), parseDotPath(path));
  // Typing the value the scenario already has is no change.
  const same = value !== null && base.found && valueText(base.value) === value;
  choice.sets = withSet(choice.sets, path, same ? null : value);
  refresh(false);
}

function buildForm(): void {
  const choice = state.scenarios[editing];
  const host = $('form-host');
  host.replaceChildren();
  formView = null;
  if (choice === undefined) return;
  $('form-heading').textContent = text.editing(`${text.scenarioN(editing + 1)} (${choice.ref === '' ? text.noExtends : choice.ref})`);
  formView = createFormView(formModel, {
    lang: state.lang,
    text,
    base: baseOf(choice.ref),
    provenance: (path) => provenanceWithFallback(path, provenanceOf),
    onChange: changeField,
  });
  host.append(formView.element);
}

function updateForm(): void {
  const choice = state.scenarios[editing];
  if (formView === null || choice === undefined) return;
  const changed = new Set(choice.sets.map(setPath));
  try {
    const loaded = loadChoice(loader, choice);
    formView.update(loaded.scenario, changed, new Map());
    $('form-error').textContent = '';
  } catch (error) {
    const { byField, other } = errorsByField(describe(error), formView.paths);
    formView.update(baseOf(choice.ref), changed, byField);
    $('form-error').textContent = other.join('\n');
  }
}

function refresh(rebuild = true): void {
  saveUrl();
  scenarioList();
  if (rebuild) buildForm();
  updateForm();
}

function render(): void {
  text = messages(state.lang);
  staticTexts();
  $<HTMLInputElement>('replications').value = String(state.replications);
  $<HTMLInputElement>('seed').value = String(state.seed);
  refresh();
}

function writeJson(id: string, json: string | null): void {
  document.getElementById(id)?.remove();
  if (json === null) return;
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = id;
  script.textContent = json;
  document.body.append(script);
}

function numberSetting(id: 'replications' | 'seed', min: number, max: number): number {
  const input = $<HTMLInputElement>(id);
  const value = Number(input.value);
  if (!/^\d+$/.test(input.value.trim()) || value < min || value > max) {
    throw new Error(`${id}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(input.value)}`);
  }
  return value;
}

async function run(): Promise<void> {
  if (activeRun !== null) return;
  let plan;
  let loaded;
  try {
    state.replications = numberSetting('replications', 1, 100_000);
    state.seed = numberSetting('seed', 0, Number.MAX_SAFE_INTEGER);
    saveUrl();
    loaded = state.scenarios.map((choice) => loadChoice(loader, choice));
    const repeated = distinctNames(loaded);
    if (repeated !== null) throw new Error(text.sameName(repeated));
    plan = planFor(loaded, state);
  } catch (error) {
    setState('error', describe(error));
    return;
  }
  writeJson('summary-json', null);
  writeJson('comparison-json', null);
  setState('running');
  $('results-section').hidden = true;
  const started = performance.now();
  const total = plan.items.length;
  const bar = $<HTMLProgressElement>('progress');
  bar.max = total;
  bar.value = 0;
  $('progress-text').textContent = progressText(text, 0, total, 0);
  const pool = runItems(plan.items, plan.shared as ReplicationShared, workerUrl, (done) => {
    bar.value = done;
    $('progress-text').textContent = progressText(text, done, total, performance.now() - started);
  });
  activeRun = pool;
  try {
    const results = await pool.results;
    const simulated = performance.now();
    performance.measure('thuiszit:simulate', { start: started, end: simulated });
    const command = equivalentCommand(state.scenarios, state, formatPageState({ ...state, run: true }));
    outputs = outputsOf(plan, loaded, results, { seed: state.seed, replications: state.replications, command, version: __THUISZIT_VERSION__ });
    writeJson('summary-json', outputs.summaryJson);
    writeJson('comparison-json', outputs.comparisonJson);
    $('results-section').hidden = false;
    $<HTMLButtonElement>('download-csv').hidden = outputs.comparisonCsv === null;
    await showResults($('results-host'), outputs.report, text);
    performance.measure('thuiszit:aggregate-and-draw', { start: simulated, end: performance.now() });
    $('status').textContent = text.finished(((performance.now() - started) / 1000).toFixed(1), pool.workers);
    setState('done');
  } catch (error) {
    if (error instanceof RunCancelled) {
      $('status').textContent = text.cancelled;
      setState('idle');
    } else {
      setState('error', describe(error));
    }
  } finally {
    activeRun = null;
  }
}

async function loadFile(file: File): Promise<void> {
  const problem = $('file-error');
  problem.textContent = '';
  try {
    if (state.scenarios.length >= MAX_SCENARIOS) throw new Error(text.tooMany(MAX_SCENARIOS));
    const choice = choiceFromText(builtinTexts, await file.text(), file.name);
    state.scenarios.push(choice);
    editing = state.scenarios.length - 1;
    refresh();
  } catch (error) {
    problem.textContent = `${text.fileProblem} ${describe(error)}`;
  }
}

function wire(): void {
  $('run').addEventListener('click', () => void run());
  $('cancel').addEventListener('click', () => activeRun?.cancel());
  $('add-scenario').addEventListener('click', () => {
    if (state.scenarios.length >= MAX_SCENARIOS) return;
    const used = new Set(state.scenarios.map((s) => s.ref));
    state.scenarios.push({ ref: builtins.find((name) => !used.has(name)) ?? 'baseline', sets: [] });
    editing = state.scenarios.length - 1;
    refresh();
  });
  $('reset-all').addEventListener('click', () => {
    const choice = state.scenarios[editing];
    if (choice !== undefined) choice.sets = [];
    refresh(false);
  });
  const lang = $<HTMLSelectElement>('lang');
  for (const code of LANGUAGES) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = code === 'nl' ? 'Nederlands' : 'English';
    lang.append(option);
  }
  lang.addEventListener('change', () => {
    state.lang = lang.value as Language;
    render();
  });
  for (const id of ['replications', 'seed'] as const) {
    $<HTMLInputElement>(id).addEventListener('change', () => {
      try {
        state[id] = numberSetting(id, id === 'seed' ? 0 : 1, id === 'seed' ? Number.MAX_SAFE_INTEGER : 100_000);
        saveUrl();
      } catch {
        // Said when Run is pressed, with the command line's wording.
      }
    });
  }
  const input = $<HTMLInputElement>('file-input');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void loadFile(file).finally(() => (input.value = ''));
  });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void loadFile(file);
  });
  $('download-yaml').addEventListener('click', () => {
    const choice = state.scenarios[editing];
    if (choice !== undefined) download(`${choice.ref === '' ? 'scenario' : choice.ref}-changed.yaml`, scenarioYaml(choice, scenarioSchema), 'application/yaml');
  });
  $('download-summary').addEventListener('click', () => outputs !== null && download('summary.json', outputs.summaryJson, 'application/json'));
  $('download-csv').addEventListener('click', () => outputs?.comparisonCsv != null && download('comparison.csv', outputs.comparisonCsv, 'text/csv'));
  $('download-report').addEventListener('click', () => {
    if (outputs !== null) void reportHtml(outputs.report).then((html) => download('report.html', html, 'text/html'));
  });
}

function start(): void {
  // The table and figures wear the report's own styles: one stylesheet for both.
  const reportStyle = document.createElement('style');
  reportStyle.textContent = REPORT_CSS;
  document.head.prepend(reportStyle);
  wire();
  const preferred: Language = navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
  try {
    state = parsePageState(location.search, preferred);
  } catch (error) {
    state = parsePageState('', preferred);
    render();
    setState('error', describe(error));
    return;
  }
  render();
  setState('idle');
  if (state.run) void run();
}

start();
