import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A page's URL pattern in React Router's syntax (`/ideas/:id`, `/ideas/track/:code?`), compiled. */
export interface PagePattern {
  pattern: string;
  regex: RegExp;
  /** React Router's ranking in spirit: a literal segment outweighs a parameter, so /ideas/submit beats /ideas/:id. */
  score: number;
}

export function compilePattern(pattern: string): PagePattern {
  let score = 0;
  const parts = pattern
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      if (segment.startsWith(':')) {
        const optional = segment.endsWith('?');
        const name = segment.slice(1).replace(/\?$/, '');
        score += optional ? 1 : 3;
        return optional ? `(?:/(?<${name}>[^/]+))?` : `/(?<${name}>[^/]+)`;
      }
      score += 10;
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    });
  return { pattern, regex: new RegExp(`^${parts.join('')}/?$`), score };
}

/** The best match for `path` among `patterns`, with the values of its parameters. */
export function bestMatch<T extends PagePattern>(
  patterns: readonly T[],
  path: string,
): { page: T; params: Record<string, string | undefined> } | undefined {
  let best: { page: T; params: Record<string, string | undefined> } | undefined;
  for (const page of patterns) {
    const found = page.regex.exec(path);
    if (found && (!best || page.score > best.page.score)) best = { page, params: { ...found.groups } };
  }
  return best;
}

/**
 * The script files each page needs beyond index.html's own, as the web build wrote them
 * (`page-chunks.json`, by URL pattern); none when the build wrote no such file.
 */
export function loadPageChunks(webDist: string): Array<PagePattern & { files: readonly string[] }> {
  const file = join(webDist, 'page-chunks.json');
  if (!existsSync(file)) return [];
  const pages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
  return Object.entries(pages).map(([pattern, files]) => ({ ...compilePattern(pattern), files }));
}
