import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleLookups, untitledEntityTypes } from './titles.js';

/** Every `entityType: '…'` of the server's sources (tests aside): what its audit events name. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}
const written = new Set(
  sourceFiles(join(import.meta.dirname, '..')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bentityType: '([^']+)'/g)].map((m) => m[1]!),
  ),
);

describe('the audit log’s entity types', () => {
  const titled = new Set(titleLookups().keys());
  const untitled = new Set(Object.keys(untitledEntityTypes));

  it('finds the entity types it is meant to find', () => {
    for (const known of ['suggestion', 'session', 'inspectionPhoto', 'settings', 'survey_response'])
      expect(written).toContain(known);
  });

  it('titles every entity type an event names, or lists it as untitled with a reason', () => {
    expect([...written].filter((t) => !titled.has(t) && !untitled.has(t))).toEqual([]);
  });

  it('lists as untitled only types events name and no lookup titles, each with a reason', () => {
    expect([...untitled].filter((t) => titled.has(t) || !written.has(t))).toEqual([]);
    for (const reason of Object.values(untitledEntityTypes)) expect(reason.length).toBeGreaterThan(10);
  });
});
