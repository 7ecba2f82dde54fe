import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` (without extension) beside `callerUrl`: its built
 * `.js` in production, its `.ts` source when the caller itself runs from the sources (tests, tsx).
 * A worker does not inherit the loader of tsx or vitest, so from the sources it registers tsx
 * itself before importing the module.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const moduleUrl = new URL(`./${name}.${fromSources ? 'ts' : 'js'}`, callerUrl);
  if (!fromSources) return new Worker(moduleUrl, options);
  // The package's ESM entry sits beside the CommonJS one that require() finds.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  );
  return new Worker(
    `import(${JSON.stringify(tsx.href)})
      .then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); })`,
    { ...options, eval: true, execArgv: ['--conditions=source'] },
  );
}
