import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web tests share their worker's loaded modules (the project `web` in vitest.config.ts), and
 * a module mock cannot take effect where the module is already loaded: a file's mock would work
 * or not by which files ran before it in the same worker. A file that mocks a module is named
 * `*.mocking.test.ts(x)`, which sends it to the isolated project `web-isolated`; no other file may.
 */
const web = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const sources = ['src', 'build'].flatMap((dir) =>
  sourceFiles(join(web, dir)).map((file) => ({
    file: relative(web, file),
    text: readFileSync(file, 'utf8'),
  })),
);
/** A call that mocks a module: `vi.mock` or `vi.doMock`. */
const mocksModule = /\bvi\s*\.\s*(?:mock|doMock)\s*\(/;
const isolatedName = /\.mocking\.test\.tsx?$/;

describe('the web tests that mock a module', () => {
  it('are the files named *.mocking.test, which run isolated', () => {
    const shared = sources.filter((s) => mocksModule.test(s.text) && !isolatedName.test(s.file));
    expect(shared.map((s) => s.file)).toEqual([]);
  });

  it('are all of them: a file named so mocks a module, else it belongs with the shared ones', () => {
    const needless = sources.filter((s) => isolatedName.test(s.file) && !mocksModule.test(s.text));
    expect(needless.map((s) => s.file)).toEqual([]);
  });

  it('are found by this check', () => {
    // The rule reads the files: it must see the files known to mock (a download, a chart that keeps its option).
    expect(sources.filter((s) => isolatedName.test(s.file)).length).toBeGreaterThan(0);
  });
});
