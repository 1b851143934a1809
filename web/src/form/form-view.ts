// Draws the form of one scenario from the form model: a collapsible section per top-level group, a
// labelled control per field with its unit, range, the value it would have without the page's
// changes, and its source on hover and focus. Built once per scenario; update() refreshes values,
// change marks and messages in place, so typing never loses the focus.
import { numericLeaves } from '../../../scenarios/numeric-leaves.js';
import { parseDotPath, valueAtPath } from '../../../scenarios/dot-path.js';
import type { FormField, FormGroup } from './form-model.js';
import { keyLabel, unitLabel } from '../i18n/labels.js';
import type { Messages } from '../i18n/messages.js';
import type { Language } from '../state/url-state.js';
import { valueText } from '../state/scenario-sets.js';

export interface FormViewOptions {
  lang: Language;
  text: Messages;
  /** The scenario the fields start from (the reference or built-in scenario, before the page's changes). */
  base: unknown;
  provenance: (path: string) => string | undefined;
  /** A new value as override text for a path; null takes the page's change back. */
  onChange: (path: string, value: string | null) => void;
}

export interface FormView {
  element: HTMLElement;
  /** The editable paths, for placing messages. */
  paths: string[];
  update(current: unknown, changed: ReadonlySet<string>, errors: ReadonlyMap<string, readonly string[]>): void;
}

interface Control {
  path: string;
  row: HTMLElement;
  read(): string | null;
  write(value: unknown): void;
  error: HTMLElement;
}

let uid = 0;
const nextId = (stem: string): string => `${stem}-${++uid}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function display(value: unknown, text: Messages): string {
  if (value === null || value === undefined) return text.none;
  if (typeof value === 'boolean') return value ? text.yes : 'false';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function fieldRow(path: string, labelText: string, unit: string | null, options: FormViewOptions, input: HTMLElement, extraHint = ''): { row: HTMLElement; error: HTMLElement } {
  const row = el('div', { class: 'field', 'data-path': path });
  const id = input.id;
  const label = el('label', { for: id }, labelText);
  if (unit !== null) label.append(' ', el('span', { class: 'unit' }, `(${unit})`));
  const hintId = nextId('hint');
  const sourceId = nextId('source');
  const errorId = nextId('error');
  const baseValue = valueAtPath(options.base, parseDotPath(path)).value;
  const hint = el('span', { class: 'hint', id: hintId }, `${options.text.defaultIs(display(baseValue, options.text))}${extraHint}`);
  const source = el('span', { class: 'source', id: sourceId, role: 'note' }, `${options.text.source}: ${options.provenance(path) ?? options.text.unknown}`);
  const error = el('span', { class: 'field-error', id: errorId });
  input.setAttribute('aria-describedby', `${hintId} ${sourceId} ${errorId}`);
  const reset = el('button', { type: 'button', class: 'reset', 'aria-label': `${options.text.reset}: ${labelText}` }, options.text.reset);
  reset.addEventListener('click', () => options.onChange(path, null));
  const mark = el('span', { class: 'changed-mark' }, options.text.changed);
  row.append(label, input, mark, reset, hint, source, error);
  return { row, error };
}

function numberControl(path: string, field: Pick<FormField, 'kind' | 'min' | 'max' | 'nullable'>, labelText: string, unit: string | null, options: FormViewOptions): Control {
  const input = el('input', { id: nextId('f'), type: 'number', step: field.kind === 'integer' ? '1' : 'any', name: path });
  if (field.min !== undefined) input.min = String(field.min);
  if (field.max !== undefined) input.max = String(field.max);
  const range = field.min !== undefined && field.max !== undefined ? `; ${options.text.range(String(field.min), String(field.max))}` : '';
  const { row, error } = fieldRow(path, labelText, unit, options, input, range);
  input.addEventListener('change', () => options.onChange(path, input.value.trim() === '' ? (field.nullable === true ? 'null' : "''") : input.value.trim()));
  return { path, row, error, read: () => input.value, write: (value) => (input.value = typeof value === 'number' ? String(value) : '') };
}

function control(field: FormField, options: FormViewOptions): Control[] {
  const label = keyLabel(field.key, options.lang);
  const unit = field.unit === null ? null : unitLabel(field.unit, options.lang);
  switch (field.kind) {
    case 'number':
    case 'integer':
      return [numberControl(field.path, field, label, unit, options)];
    case 'boolean': {
      const input = el('input', { id: nextId('f'), type: 'checkbox', name: field.path });
      const { row, error } = fieldRow(field.path, label, null, options, input);
      input.addEventListener('change', () => options.onChange(field.path, String(input.checked)));
      return [{ path: field.path, row, error, read: () => String(input.checked), write: (value) => (input.checked = value === true) }];
    }
    case 'choice': {
      const select = el('select', { id: nextId('f'), name: field.path });
      for (const option of field.options ?? []) select.append(el('option', { value: option }, option));
      const { row, error } = fieldRow(field.path, label, null, options, select);
      select.addEventListener('change', () => options.onChange(field.path, valueText(select.value)));
      return [{ path: field.path, row, error, read: () => select.value, write: (value) => (select.value = String(value)) }];
    }
    case 'choices': {
      const group = el('span', { id: nextId('f'), role: 'group', class: 'choices', 'aria-label': label });
      const boxes = (field.options ?? []).map((option) => {
        const box = el('input', { type: 'checkbox', id: nextId('c'), value: option });
        const wrap = el('label', { for: box.id });
        wrap.append(box, ` ${option}`);
        group.append(wrap);
        return box;
      });
      const { row, error } = fieldRow(field.path, label, null, options, group);
      const read = (): string => valueText(boxes.filter((b) => b.checked).map((b) => b.value));
      for (const box of boxes) box.addEventListener('change', () => options.onChange(field.path, read()));
      return [{ path: field.path, row, error, read, write: (value) => boxes.forEach((b) => (b.checked = Array.isArray(value) && value.includes(b.value))) }];
    }
    case 'text': {
      const input = el('input', { id: nextId('f'), type: 'text', name: field.path });
      const { row, error } = fieldRow(field.path, label, null, options, input);
      input.addEventListener('change', () => options.onChange(field.path, valueText(input.value)));
      return [{ path: field.path, row, error, read: () => input.value, write: (value) => (input.value = typeof value === 'string' ? value : '') }];
    }
    case 'yaml': {
      const input = el('input', { id: nextId('f'), type: 'text', name: field.path, spellcheck: 'false' });
      const { row, error } = fieldRow(field.path, label, unit, options, input);
      input.addEventListener('change', () => options.onChange(field.path, input.value.trim()));
      return [{ path: field.path, row, error, read: () => input.value, write: (value) => (input.value = JSON.stringify(value)) }];
    }
    case 'distribution': {
      // A distribution's numbers are edited one by one; its form (gamma, lognormal, ...) comes from the file.
      const value = valueAtPath(options.base, parseDotPath(field.path)).value;
      const form = typeof value === 'object' && value !== null && 'type' in value ? String((value as { type: unknown }).type) : '';
      return numericLeaves(value).map((leaf) =>
        numberControl(`${field.path}.${leaf.path}`, { kind: 'number' }, `${label}: ${form} ${leaf.path}`, unit, options),
      );
    }
  }
}

export function createFormView(root: FormGroup, options: FormViewOptions): FormView {
  const controls: Control[] = [];
  const container = el('div', { class: 'form' });
  const fill = (group: FormGroup, into: HTMLElement): void => {
    for (const field of group.fields) {
      for (const c of control(field, options)) {
        controls.push(c);
        into.append(c.row);
      }
    }
    for (const inner of group.groups) {
      const fieldset = el('fieldset', { 'data-group': inner.path });
      fieldset.append(el('legend', {}, keyLabel(inner.key, options.lang)));
      fill(inner, fieldset);
      into.append(fieldset);
    }
  };
  const top = el('div', { class: 'section' });
  for (const field of root.fields) {
    for (const c of control(field, options)) {
      controls.push(c);
      top.append(c.row);
    }
  }
  container.append(top);
  for (const group of root.groups) {
    const details = el('details', { 'data-group': group.path });
    details.append(el('summary', {}, keyLabel(group.key, options.lang)));
    fill(group, details);
    container.append(details);
  }
  return {
    element: container,
    paths: controls.map((c) => c.path),
    update(current, changed, errors) {
      for (const c of controls) {
        const isChanged = [...changed].some((p) => c.path === p || c.path.startsWith(`${p}.`));
        c.row.classList.toggle('is-changed', isChanged);
        const problems = errors.get(c.path) ?? [];
        c.error.textContent = problems.join('\n');
        c.row.classList.toggle('has-error', problems.length > 0);
        const input = c.row.querySelector('input, select');
        if (input !== null) input.setAttribute('aria-invalid', String(problems.length > 0));
        if (problems.length > 0) continue;
        const found = valueAtPath(current, parseDotPath(c.path));
        if (found.found) c.write(found.value);
      }
    },
  };
}
