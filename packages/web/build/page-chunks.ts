import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Plugin, parseAst, type Rollup } from 'vite';

/** One page of the router: its URL pattern (React Router's syntax) and the modules it loads. */
export interface RoutePage {
  pattern: string;
  /** The page's own module last, after those of the lazy layouts around it. */
  modules: string[];
  /** The text parts its route and the layouts around it load with it (router.tsx, `page`). */
  texts: string[];
}

type Node = { type: string; [key: string]: unknown };

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function property(object: Node, name: string): Node | undefined {
  for (const p of (object.properties as Node[]) ?? []) {
    const key = p.key as Node | undefined;
    if (p.type === 'Property' && key && (key.name === name || key.value === name)) return p.value as Node;
  }
  return undefined;
}

/** The first `import('…')` anywhere under a node. */
function importSource(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = importSource(child);
      if (found) return found;
    }
    return undefined;
  }
  if (!isNode(node)) return undefined;
  if (node.type === 'ImportExpression') {
    const source = node.source as Node;
    return typeof source.value === 'string' ? source.value : undefined;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue;
    const found = importSource(value);
    if (found) return found;
  }
  return undefined;
}

/** The parts named by `page(import(…), 'Name', ['part', …])` under a node. */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (!isNode(node)) return [];
  if (node.type === 'CallExpression' && (node.callee as Node).name === 'page') {
    const list = (node.arguments as Node[])[2];
    return ((list?.elements as Node[]) ?? []).map((e) => String(e.value));
  }
  return Object.entries(node).flatMap(([key, value]) => (key === 'type' ? [] : textsOf(value)));
}

const join = (parent: string, path: string) =>
  path.startsWith('/') ? path : `${parent.replace(/\/$/, '')}/${path}`.replace(/^$/, '/');

type Found = { pattern: string; sources: string[]; texts: string[] };
type Around = { sources: string[]; texts: string[] };

function walk(routes: Node, parent: string, around: Around, out: Found[]) {
  for (const route of (routes.elements as Node[]) ?? []) {
    if (route?.type !== 'ObjectExpression') continue;
    const path = property(route, 'path');
    const pattern = typeof path?.value === 'string' ? join(parent, path.value) : parent;
    const lazy = property(route, 'lazy');
    const source = lazy ? importSource(lazy) : undefined;
    const sources = source ? [...around.sources, source] : around.sources;
    const texts = lazy ? [...around.texts, ...textsOf(lazy)] : around.texts;
    const children = property(route, 'children');
    // A layout's own page is its index child; a splat (the not-found page) is no one page.
    const leaf = children?.type !== 'ArrayExpression' && !pattern.includes('*');
    if (source && leaf && (path || property(route, 'index'))) out.push({ pattern, sources, texts });
    if (children?.type === 'ArrayExpression') walk(children, pattern, { sources, texts }, out);
  }
}

/**
 * The pages of `router.tsx`, read from its syntax tree: every route with a `lazy` import, with the
 * full URL pattern its nesting gives it and the text parts it loads. Read rather than restated, so
 * that a page added to the router is preloaded (and its words checked, src/i18n/page-texts.test.ts)
 * without anyone listing it twice.
 */
export function routePages(routerFile: string): RoutePage[] {
  const program = parseAst(readFileSync(routerFile, 'utf8'), { lang: 'tsx' }) as unknown as Node;
  const found: Found[] = [];
  for (const statement of program.body as Node[]) {
    const declaration = (
      statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement
    ) as Node;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const d of declaration.declarations as Node[]) {
      if ((d.id as Node).name === 'routes' && (d.init as Node)?.type === 'ArrayExpression')
        walk(d.init as Node, '/', { sources: [], texts: [] }, found);
    }
  }
  const base = dirname(routerFile);
  const moduleOf = (source: string) => {
    const stem = resolve(base, source);
    return ['.tsx', '.ts'].map((ext) => stem + ext).find((file) => existsSync(file)) ?? stem;
  };
  return found.map(({ pattern, sources, texts }) => ({ pattern, modules: sources.map(moduleOf), texts }));
}

/** A chunk's file and the files of every chunk it imports statically, recursively. */
function closure(bundle: Rollup.OutputBundle, fileName: string, into = new Set<string>()): Set<string> {
  const chunk = bundle[fileName];
  if (!chunk || chunk.type !== 'chunk' || into.has(fileName)) return into;
  into.add(fileName);
  for (const imported of chunk.imports) closure(bundle, imported, into);
  return into;
}

/**
 * Writes `page-chunks.json`: for each page's URL pattern, the script files that page needs
 * beyond what index.html already loads. The server lists them in that page's HTML as
 * modulepreload links, so a phone fetches the page's code beside the entry rather than after it.
 * The texts the route loads with the page come in their zh-CN copy, the default language's.
 */
export function pageChunks(routerFile: string): Plugin {
  return {
    name: 'qianxing-page-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const upFront = closure(bundle, entry.fileName);
      const byModule = new Map(chunks.flatMap((c) => (c.facadeModuleId ? [[c.facadeModuleId, c]] : [])));
      const pages: Record<string, string[]> = {};
      const texts = (part: string) => resolve(dirname(routerFile), 'i18n', 'zh-CN', `${part}.json`);
      for (const { pattern, modules, texts: parts } of routePages(routerFile)) {
        const files = new Set<string>();
        for (const module of [...modules, ...parts.map(texts)]) {
          // A module that other chunks also import statically (AntdScope) may share a chunk
          // rather than head one of its own.
          const chunk = byModule.get(module) ?? chunks.find((c) => module in c.modules);
          if (!chunk) this.error(`router.tsx loads ${module}, which the build did not make a chunk of`);
          closure(bundle, chunk.fileName, files);
        }
        pages[pattern] = [...files].filter((f) => !upFront.has(f));
      }
      this.emitFile({ type: 'asset', fileName: 'page-chunks.json', source: `${JSON.stringify(pages)}\n` });
    },
  };
}
