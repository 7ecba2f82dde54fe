import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The server and CLI tests wait on PostgreSQL and on processes they start about as much as
// they compute, so one worker more than the cores keeps the machine busy (vitest's default is
// one fewer: a single worker on two cores).
const busyWorkers = availableParallelism() + 1;

// The web tests render in jsdom; a file that mocks a module is named *.mocking.test.tsx.
const webTests = ['packages/web/{src,build}/**/*.test.{ts,tsx}'];
const webMockingTests = 'packages/web/{src,build}/**/*.mocking.test.{ts,tsx}';
const web = {
  environment: 'jsdom',
  setupFiles: ['packages/web/src/test-setup.ts'],
  // jsdom draws no canvas, where ECharts fails: in every web test a chart is its label
  // (test-chart.tsx). An alias rather than each file's mock, as it holds in a shared worker too.
  alias: [
    {
      find: /^(?:\.\.\/)+components\/Chart$/,
      replacement: fileURLToPath(new URL('packages/web/src/test-chart.tsx', import.meta.url)),
    },
  ],
  sequence: { groupOrder: 0 },
  // A page test renders antd in jsdom: seconds on a busy machine, so 5 s was a coin toss, and
  // 20 s failed a few of the longest forms when other work shared the two cores with the node
  // tests (which run beside these): a machine's speed varies three- to fourfold.
  testTimeout: 45_000,
};

// The files that take longest, longest first. Without the durations of an earlier run (CI
// starts from a fresh clone) vitest starts a project's larger files first, and these are short
// files: the console's accessibility checks (about 90 s) would start last of the browser tests,
// and their phase end with one worker on them while the other waits.
const startFirst = [
  'e2e/a11y.e2e.test.ts',
  'e2e/a11y-console.e2e.test.ts',
  'e2e/public-pages.e2e.test.ts',
  'e2e/cluster.e2e.test.ts',
  'packages/server/src/http/fuzz.int.test.ts',
  'packages/cli/src/commands/foundation.test.ts',
  'packages/cli/src/crash-safety.test.ts',
  'packages/cli/src/commands/verify-audit.test.ts',
  'packages/server/src/modules/authz.int.test.ts',
  'packages/cli/src/commands/serve-workers.test.ts',
  'packages/server/src/backup/backup.int.test.ts',
  'packages/web/src/pages/users/UsersPage.test.tsx',
];
const root = fileURLToPath(new URL('.', import.meta.url));

/** vitest's order (projects one after another), each project's files of `startFirst` moved to its front. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const at = startFirst.indexOf(f.moduleId.slice(root.length));
      return at < 0 ? startFirst.length : at;
    };
    const ordered: TestSpecification[] = [];
    for (let i = 0; i < sorted.length; ) {
      let end = i;
      while (end < sorted.length && sorted[end]!.project.name === sorted[i]!.project.name) end++;
      const project = sorted.slice(i, end).map((f, at) => ({ f, at, rank: rank(f) }));
      project.sort((a, b) => a.rank - b.rank || a.at - b.at);
      ordered.push(...project.map(({ f }) => f));
      i = end;
    }
    return ordered;
  }
}

// Workspace packages are imported from their TypeScript sources (the "source" export
// condition), so tests never run against a stale build.
export default defineConfig({
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    maxWorkers: busyWorkers,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/{core,server,cli}/src/**/*.test.ts', 'bench/**/*.test.ts'],
          globalSetup: ['packages/server/src/test-support/pg-templates.ts'],
          // Files share a worker's loaded modules: importing the server anew for each of 160
          // files cost more than a minute of CPU. A test therefore sets no module-level state.
          isolate: false,
          sequence: { groupOrder: 0 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/support/template.ts'],
          // A browser and a server per file: two files at a time, after the other projects, take
          // a third less time than one. The browsers ask for reduced motion (support/browser.ts),
          // so antd's pickers open without animating: animated ones missed clicks now and then
          // on a loaded machine. (A publish that once never answered under this load was the
          // server waiting on its own transaction, since fixed: db/pglite-guard.ts.)
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page may take seconds to show what an action changed on a loaded machine; vitest's
          // default of one second made such checks fail for slowness rather than for a defect.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        extends: true,
        test: {
          ...web,
          name: 'web',
          include: webTests,
          exclude: [...configDefaults.exclude, webMockingTests],
          // Files share a worker's loaded modules and jsdom: loading React, antd and the app anew
          // for each of 110 files cost about 4 minutes of CPU (the web tests took 557 s of CPU
          // isolated, 272 s so). test-setup.ts puts back, before each file, what one may have
          // changed (language, storage, the page, antd's styles, timers, spies).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          ...web,
          // A module mock (`vi.mock`) takes no effect where its module is already loaded, as it
          // may be in a shared worker: such files are named *.mocking.test.tsx and load their own
          // modules (checked by packages/web/src/test-isolation.test.ts).
          name: 'web-isolated',
          include: [webMockingTests],
        },
      },
    ],
  },
});
