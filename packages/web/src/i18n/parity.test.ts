import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '.');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function load(locale: string) {
  const files = readdirSync(join(root, locale)).filter((f) => f.endsWith('.json'));
  return Object.fromEntries(
    files.map((file) => [file, JSON.parse(readFileSync(join(root, locale, file), 'utf8')) as unknown]),
  );
}

describe('translations', () => {
  const zh = load('zh-CN');
  const en = load('en');

  it('have the same files in zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  for (const file of Object.keys(zh)) {
    it(`have the same keys in zh-CN and en for ${file}`, () => {
      // English has a singular that Chinese does not: i18next picks `key_one` for a count of 1
      // and the key itself otherwise. A singular stands only beside its key, in both languages.
      const enKeys = keysOf(en[file]);
      const singulars = enKeys.filter((key) => key.endsWith('_one'));
      const zhKeys = keysOf(zh[file]);
      expect(singulars.filter((key) => !zhKeys.includes(key.slice(0, -'_one'.length)))).toEqual([]);
      expect(enKeys.filter((key) => !singulars.includes(key)).sort()).toEqual(zhKeys.sort());
    });

    it(`have no empty text in ${file}`, () => {
      for (const [locale, tree] of [
        ['zh-CN', zh[file]],
        ['en', en[file]],
      ] as const) {
        const empty = keysOf(tree).filter((key) => {
          const text = key
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
          return typeof text !== 'string' || text.trim() === '';
        });
        expect(empty, locale).toEqual([]);
      }
    });
  }
});
