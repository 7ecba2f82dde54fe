import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routePages } from '../../build/page-chunks';
import shellEn from './en/shell.json';
import {
  allTranslations,
  areaOf,
  loadEntryTexts,
  loadPartTexts,
  type TextPart,
  textParts,
  zhCN,
} from './resources';
import shellZh from './zh-CN/shell.json';

/**
 * Every key a page can show must be in the texts loaded by the time it renders: the entry's for
 * the shell (main.tsx and what it loads, bar the pages), the entry's and its route's parts for a
 * page (router.tsx, `page`) and the parts its own lazy modules load (`withTexts(import(…), […])`, `loadTexts([…])`). Keys are
 * read from the sources as literals ('ideas.status.' + x counts as the prefix ideas.status).
 */
const src = join(import.meta.dirname, '..');
const all = await allTranslations('zh-CN');
const areas = Object.keys(all).join('|');
const keyPattern = new RegExp(`['"\`]((?:${areas})\\.[\\w.]*)(['"\`]|\\$\\{)`, 'g');

type Tree = Record<string, unknown>;
const lookup = (tree: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);

/** A key's texts are there: a string, a plural's forms (key_one…) or a subtree used as a prefix. */
function present(tree: unknown, key: string) {
  const found = lookup(tree, key.replace(/\.$/, ''));
  if (found !== undefined) return true;
  const parent = lookup(tree, key.split('.').slice(0, -1).join('.')) as Tree | undefined;
  const last = key.split('.').at(-1) ?? '';
  return parent !== undefined && `${last}_other` in parent;
}

function sourceFile(from: string, specifier: string) {
  const stem = resolve(dirname(from), specifier);
  return ['.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => stem + ext).find((f) => existsSync(f));
}

/** A module and the modules it imports, statically or lazily; texts' modules are not followed. */
function closure(file: string, stopAt: Set<string>, into = new Set<string>()) {
  if (into.has(file) || stopAt.has(file)) return into;
  into.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const next = sourceFile(file, specifier!);
    // The API's generated types name its operations ('auth.logout'), which are no keys.
    if (next && !next.startsWith(join(src, 'i18n')) && !next.endsWith('schema.ts'))
      closure(next, stopAt, into);
  }
  return into;
}

// A file's name ('units.xlsx') is no key.
const keysIn = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(keyPattern)]
    .map(([, key, end]) => (end === '${' ? key!.replace(/\.[^.]*$/, '') : key!))
    .filter((key) => !/\.(xlsx|csv|json)$/.test(key));

/** The entry's texts with these parts' areas whole (an area's entry words and its part's). */
function textsWith(parts: Iterable<string>) {
  const tree: Tree = structuredClone(zhCN);
  for (const part of parts) {
    const area = areaOf(part as TextPart);
    tree[area] = all[area];
  }
  return tree;
}

const missingIn = (files: Iterable<string>, tree: Tree) =>
  [...files].flatMap((file) =>
    keysIn(file)
      .filter((key) => !present(tree, key))
      .map((key) => `${file.slice(src.length + 1)}: ${key}`),
  );

const router = join(src, 'router.tsx');
// The router's own imports are the pages: the shell is what main.tsx loads besides them.
const routerOnly = new Set([router]);
const shell = closure(join(src, 'main.tsx'), routerOnly);
shell.add(router);
const pages = routePages(router);

describe('the texts a page can show', () => {
  it('finds keys to check in the shell and in the pages', () => {
    expect(shell.size).toBeGreaterThan(10);
    expect(keysIn(join(src, 'components', 'PublicLayout.tsx'))).toContain('business.scorecard.nav');
    expect(pages.find((p) => p.pattern === '/admin/users')?.texts).toEqual(['admin', 'users']);
    expect(pages.find((p) => p.pattern === '/admin/ideas/events/:id')?.texts).toEqual(['admin', 'ideasDesk']);
  });

  it('are in the entry for the shell: header, menus, sign-in, errors', () => {
    expect(missingIn(shell, zhCN)).toEqual([]);
  });

  it("are in the entry and the parts each page's route loads with it", () => {
    const missing = pages.flatMap((page) => {
      const files = new Set(page.modules.flatMap((m) => [...closure(m, shell)]));
      const parts = new Set(page.texts);
      for (const file of files)
        for (const [, list] of readFileSync(file, 'utf8').matchAll(
          /(?:loadTexts\(|withTexts\([^,]*,\s*)\[([^\]]*)\]/g,
        ))
          for (const [, part] of list!.matchAll(/'(\w+)'/g)) parts.add(part!);
      expect(
        [...parts].filter((p) => !(textParts as readonly string[]).includes(p)),
        page.pattern,
      ).toEqual([]);
      return missingIn(files, textsWith(parts)).map((m) => `${page.pattern} ${m}`);
    });
    expect(missing).toEqual([]);
  });

  it("include each area's name for waiting work on the console's overview, a key built at run time", () => {
    const overview = pages.find((p) => p.pattern === '/admin');
    const areas = Object.entries(all).filter(([, tree]) => 'waiting' in tree);
    expect(areas.length).toBeGreaterThan(3);
    const there = textsWith(overview?.texts ?? []);
    expect(areas.filter(([area]) => there[area] === undefined || !present(there, `${area}.waiting`))).toEqual(
      [],
    );
  });

  it('include every notice the server sends, on the inbox, a key the server chooses', () => {
    const server = join(src, '..', '..', 'server', 'src');
    const files = readdirSync(server, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    // 'reforms.notice.approved', or `business.notice.${key}` whose prefix must be there whole.
    const keys = files.flatMap((f) =>
      [...readFileSync(join(server, f), 'utf8').matchAll(/['`](\w+\.notice\.[\w.]*)(['`]|\$\{)/g)].map(
        ([, key, end]) => (end === '${' ? key!.replace(/\.$/, '') : key!),
      ),
    );
    expect(new Set(keys.map((k) => k.split('.')[0])).size).toBeGreaterThan(3);
    const inbox = pages.find((p) => p.pattern === '/inbox');
    const there = textsWith(inbox?.texts ?? []);
    expect([...new Set(keys)].filter((key) => !present(there, key))).toEqual([]);
  });

  it('include the label of every menu entry the server gives, in the entry', () => {
    const modules = join(src, '..', '..', 'server', 'src', 'modules');
    const labels = readdirSync(modules, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(modules, e.name, 'index.ts')))
      .flatMap((e) => [
        ...readFileSync(join(modules, e.name, 'index.ts'), 'utf8').matchAll(/label: '([\w.]+)'/g),
      ])
      .map(([, label]) => label!);
    expect(labels.length).toBeGreaterThan(30);
    expect(labels.filter((label) => typeof lookup(zhCN, label) !== 'string')).toEqual([]);
  });

  it("keep the suggestions' console sections out of the entry's ideas.json, which keeps the rest", async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const desk = (await loadPartTexts(locale, 'ideasDesk')).ideas ?? {};
      const entry = (await loadEntryTexts(locale)).ideas;
      expect(Object.keys(desk).length, locale).toBeGreaterThan(10);
      expect(
        Object.keys(desk).filter((section) => section in entry),
        locale,
      ).toEqual([]);
      expect(Object.keys(entry), locale).toEqual(expect.arrayContaining(['submit', 'browse', 'notice']));
    }
  });

  it("keep the shell's words of an area out of that area's own file", async () => {
    for (const [locale, shellTexts] of [
      ['zh-CN', shellZh],
      ['en', shellEn],
    ] as const) {
      for (const [area, words] of Object.entries(shellTexts)) {
        const own = (await loadPartTexts(locale, area as TextPart))[areaOf(area as TextPart)];
        const leaves = (tree: unknown, prefix: string): string[] =>
          typeof tree === 'string'
            ? [prefix]
            : Object.entries(tree as Tree).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
        const twice = leaves(words, area).filter((key) => lookup({ [area]: own }, key) !== undefined);
        expect(twice, `${locale} ${area}`).toEqual([]);
      }
    }
  });
});
