import { createRequire } from 'node:module';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { changeLocale, i18next, loadTexts, textParts } from './i18n';
import { forgetCalendarYears } from './pages/admin/calendar/loadedYears';

// A page renders antd in jsdom beside the server tests' workers: the first paint of a busy
// page can take seconds (over 5 s with the machine's load at four times its cores), so a
// `findBy` waits up to 10 s rather than the library's 1 s.
configure({ asyncUtilTimeout: 10_000 });

// The test run resolves packages with the `source` condition (meant for the workspace's own
// packages), and Node loads antd's CommonJS build under it too. Two of antd's dependencies
// (scroll-into-view-if-needed, compute-scroll-into-view) map `source` to TypeScript files,
// which `require` cannot read: such a resolution is sent to the package's CommonJS build.
// This file runs before every test file, and a worker may run several files in one environment
// (a project without isolation): what it patches is patched once, not wrapped again per file.
type Resolve = ((request: string, ...rest: unknown[]) => string) & { cjsForSource?: true };
const Module = createRequire(import.meta.url)('node:module') as { _resolveFilename: Resolve };
if (!Module._resolveFilename.cjsForSource) {
  const resolveFilename = Module._resolveFilename;
  const redirecting: Resolve = (request, ...rest) => {
    const resolved = resolveFilename(request, ...rest);
    const typescriptInPackage =
      /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]src[\\/].*\.ts$/.exec(resolved);
    return typescriptInPackage
      ? resolveFilename(`${typescriptInPackage[1]}/dist/index.cjs`, ...rest)
      : resolved;
  };
  redirecting.cjsForSource = true;
  Module._resolveFilename = redirecting;
}

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
type ComputedStyle = typeof window.getComputedStyle & { withoutPseudo?: true };
if (!(window.getComputedStyle as ComputedStyle).withoutPseudo) {
  const computedStyle = window.getComputedStyle.bind(window);
  const withoutPseudo: ComputedStyle = (element: Element) => computedStyle(element);
  withoutPseudo.withoutPseudo = true;
  window.getComputedStyle = withoutPseudo;
}

// jsdom has no ResizeObserver; antd's Select, Segmented, TextArea and ellipsis measure with one.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// In the project `web` a worker runs file after file in one environment, with the modules the
// earlier files loaded: what a file may have changed is put back before the next one starts, so
// that no file passes or fails by which files ran before it. (A file that fails half-way may
// leave the language, a stored choice, fake timers or a spy behind.)
vi.useRealTimers();
vi.restoreAllMocks();
vi.unstubAllGlobals();
if (i18next.language !== 'zh-CN') await changeLocale('zh-CN');
localStorage.clear();
sessionStorage.clear();
// What the i18n module sets when it starts, and a page's title changes.
document.documentElement.lang = 'zh-CN';
document.title = i18next.t('common.appName');
// Whatever a page left outside what `cleanup` unmounts (a portal, a download's link).
document.body.replaceChildren();
// antd's styles stay in the head once written, and jsdom reads every rule to compute an element's
// style (as each `ByRole` query does): those of all the pages a worker ran made a page test half
// again as slow. Nothing is mounted now, so antd writes a style again when a component needs it.
for (const style of document.head.querySelectorAll('style[data-css-hash]')) style.remove();
// The calendar years a page loaded are known to the browser's calendar until forgotten.
forgetCalendarYears();

// A page test renders its page without the router's loaders, so every text is added here as if
// each page's had been loaded (and a change of language then brings them all).
await loadTexts(textParts);

afterEach(() => {
  cleanup();
});
