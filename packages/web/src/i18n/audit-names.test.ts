import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en/audit.json';
import zh from './zh-CN/audit.json';

/**
 * Every audit action and entity type the server can write, read from its sources: the names of
 * its kernel commands (`defineCommand({ name })`), the actions of its direct `audit()` calls,
 * imports and seeds (`action: '…'`), its attachment rules (`actions: { add, remove }`), and every
 * `entityType: '…'`. A new one without a name in both languages fails here.
 */
const serverSrc = join(import.meta.dirname, '..', '..', '..', 'server', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

const sources = sourceFiles(serverSrc).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const all = (re: RegExp) => sources.flatMap(({ text }) => [...text.matchAll(re)].flatMap((m) => m.slice(1)));

const commandCalls = all(/(defineCommand)(?:<[^(]*>)?\(/g).length - 1; // its own definition
const commandNames = all(/defineCommand(?:<[^(]*>)?\(\{\s*name: '([^']+)'/g);
// `action: 'a' | 'b'` is a policy action's type, not an event.
const actions = new Set([
  ...commandNames,
  ...all(/\baction: '([^']+)'(?!\s*\|)/g),
  ...all(/actions: \{ add: '([^']+)', remove: '([^']+)' \}/g),
]);
const entityTypes = new Set(all(/\bentityType: '([^']+)'/g));
// The kinds the log words apart in place of their type's name: a list's.
const listKinds = all(/export const listKinds = \[([^\]]+)\]/g).flatMap((l) =>
  [...l.matchAll(/'([^']+)'/g)].map((m) => m[1]!),
);

const lookup = (tree: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('the audit log’s names', () => {
  it('finds the actions and entity types it is meant to find', () => {
    // Every command is named by a literal, so none escapes the list below.
    expect(commandNames.length).toBe(commandCalls);
    for (const known of [
      'session.login',
      'report.return',
      'suggestion.submit',
      'attachment.add',
      'firm.seedDemo',
    ])
      expect(actions).toContain(known);
    for (const known of ['suggestion', 'unit', 'user', 'plan', 'session'])
      expect(entityTypes).toContain(known);
    expect(listKinds).toContain('golden_idea');
  });

  for (const [locale, tree] of [
    ['zh-CN', zh],
    ['en', en],
  ] as const) {
    it(`names every action the server writes in ${locale}`, () => {
      const missing = [...actions].filter((a) => typeof lookup(tree.actions, a) !== 'string');
      expect(missing).toEqual([]);
    });

    it(`names every entity type the server writes in ${locale}`, () => {
      const missing = [...entityTypes].filter((e) => typeof lookup(tree.entityTypes, e) !== 'string');
      expect(missing).toEqual([]);
    });

    it(`names every kind of list in ${locale}`, () => {
      expect(listKinds.filter((k) => typeof lookup(tree.entityKinds.list, k) !== 'string')).toEqual([]);
    });
  }
});
