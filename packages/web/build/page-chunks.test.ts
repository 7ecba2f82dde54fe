import { basename, join } from 'node:path';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '../src/router';
import { routePages } from './page-chunks';

const pages = routePages(join(import.meta.dirname, '../src/router.tsx'));

/** A path the pattern matches: each parameter given a value, optional ones left out. */
const samplePath = (pattern: string) =>
  pattern
    .split('/')
    .filter((s) => !s.endsWith('?'))
    .map((s) => (s.startsWith(':') ? 'x1' : s))
    .join('/') || '/';

describe("the router's pages as the build reads them", () => {
  it('finds the public, firm and console pages with their full patterns', () => {
    const patterns = pages.map((p) => p.pattern);
    for (const pattern of [
      '/',
      '/ideas',
      '/ideas/:id',
      '/ideas/submit',
      '/ideas/track/:code?',
      '/admin/units',
    ])
      expect(patterns).toContain(pattern);
    expect(pages.length).toBeGreaterThan(60);
  });

  it('gives each pattern the module React Router loads for it, after its lazy layouts', async () => {
    for (const page of pages) {
      const matches = matchRoutes(routes, samplePath(page.pattern));
      expect(matches, page.pattern).not.toBeNull();
      const lazyOnes = (matches ?? []).filter((m) => typeof m.route.lazy === 'function');
      const loaded = lazyOnes.map((m) => String(m.route.lazy));
      expect(loaded.length, page.pattern).toBe(page.modules.length);
      page.modules.forEach((module, i) => {
        // The source says './pages/home/HomePage'; under test it reads '/…/HomePage.tsx'.
        const stem = basename(module).replace(/\.tsx?$/, '');
        expect(loaded[i], page.pattern).toMatch(new RegExp(`/${stem}(\\.tsx?)?['"]`));
      });
    }
  });
});
