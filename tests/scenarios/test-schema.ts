// A small schema with every shape the scenario machinery must handle (nested strict objects, a distribution
// union, lists, tuples, a record, a number-or-keyword union), so the machinery is tested apart from the
// domain schema, which changes with the model.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { z } from 'zod';
import { diskScenarioFiles } from '../../scenarios/files.js';
import { createScenarioLoader } from '../../scenarios/loader.js';

const waitSpec = z.union([
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('fixed'), value: z.number().min(0) }),
    z.strictObject({ type: z.literal('exponential'), mean: z.number().positive() }),
  ]),
  z.strictObject({ type: z.literal('gamma'), shape: z.number().positive(), scale: z.number().positive() }),
]);

export const testSchema = z.strictObject({
  name: z.string().min(1).default('default'),
  description: z.string().default(''),
  years: z.number().int().min(1).max(20).default(1),
  care: z
    .strictObject({
      ggz: z
        .strictObject({
          capacity: z.number().min(0).default(10),
          wait: waitSpec.default({ type: 'exponential', mean: 4 }),
        })
        .prefault({}),
      mode: z.enum(['separate', 'bundled']).default('separate'),
    })
    .prefault({}),
  shares: z.array(z.number().min(0).max(1)).default([0.5, 0.5]),
  points: z.array(z.tuple([z.number(), z.number()])).default([
    [0, 0],
    [1, 1],
  ]),
  limit: z.union([z.number().min(0), z.literal('none')]).default('none'),
  flags: z.strictObject({ enabled: z.boolean().default(false) }).prefault({}),
  byRegion: z.record(z.string(), z.number().min(0)).default({}),
});

export type TestScenario = z.output<typeof testSchema>;

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

/** Writes files (relative path -> text) into a fresh temporary folder, removed after the test file. */
export function writeTree(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'thuiszit-scenarios-'));
  temporaryFolders.push(root);
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

/** A loader over the test schema whose built-ins live in `<root>/builtin`. */
export function testLoader(root: string) {
  return createScenarioLoader({ schema: testSchema, files: diskScenarioFiles(path.join(root, 'builtin')) });
}
