import { createRequire } from 'node:module';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadTexts, textParts } from './i18n';

// A page renders antd in jsdom beside the server tests' workers: the first paint of a busy
// page can take seconds (over 5 s with the machine's load at four times its cores), so a
// `findBy` waits up to 10 s rather than the library's 1 s.
configure({ asyncUtilTimeout: 10_000 });

// The test run resolves packages with the `source` condition (meant for the workspace's own
// packages), and Node loads antd's CommonJS build under it too. Two of antd's dependencies
// (scroll-into-view-if-needed, compute-scroll-into-view) map `source` to TypeScript files,
// which `require` cannot read: such a resolution is sent to the package's CommonJS build.
type Resolve = (request: string, ...rest: unknown[]) => string;
const Module = createRequire(import.meta.url)('node:module') as { _resolveFilename: Resolve };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = (request, ...rest) => {
  const resolved = resolveFilename(request, ...rest);
  const typescriptInPackage = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]src[\\/].*\.ts$/.exec(
    resolved,
  );
  return typescriptInPackage
    ? resolveFilename(`${typescriptInPackage[1]}/dist/index.cjs`, ...rest)
    : resolved;
};

// jsdom has no matchMedia; antd's responsive Grid and Layout.Sider query it.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

// jsdom's getComputedStyle throws on pseudo-elements; antd measures scrollbars with one.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// jsdom has no ResizeObserver; antd's Select, Segmented, TextArea and ellipsis measure with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// A page test renders its page without the router's loaders, so every text is added here as if
// each page's had been loaded (and a change of language then brings them all).
await loadTexts(textParts);

afterEach(() => {
  cleanup();
});
