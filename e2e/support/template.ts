import {
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServeProcess } from '../../packages/cli/src/test-support/serve-process.js';
import { hasChromium } from './browser.js';
import { ensureWebBuilt } from './build.js';

/** A data folder the demo district is seeded into once, and where to learn that it is ready. */
export interface E2eTemplate {
  dir: string;
  /** Written once the seeding server has stopped: what it printed, or why it failed. */
  ready: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplate: E2eTemplate | null;
  }
}

/**
 * Seeds the demo district once for the whole browser suite, through the real `serve --demo`,
 * and stops it cleanly; each test file's server then starts on a copy of that folder. Seeding
 * takes 10–15 s and a copy with a start 3–4 s, over forty files. The seeding goes on beside the
 * other projects' tests (the browser tests run last): vitest runs every project's global setup
 * before any test, so awaited here it held the whole run back by that long.
 */
export default async function setup(project: TestProject) {
  if (!hasChromium) return project.provide('e2eTemplate', null);
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'qx-e2e-template-'));
  const ready = `${dir}.ready.json`;
  // Renamed into place, so that a file waiting for it never reads it half-written.
  const tell = (told: { output?: string; error?: string }) => {
    writeFileSync(`${ready}.part`, JSON.stringify(told));
    renameSync(`${ready}.part`, ready);
  };
  const seeding = startServeProcess({ QIANXING_DATA_DIR: dir, DATABASE_URL: '' }).then(
    async (server) => {
      await server.stop();
      tell({ output: server.output });
    },
    (error: Error) => tell({ error: error.message }),
  );
  project.provide('e2eTemplate', { dir, ready });
  return async () => {
    await seeding;
    rmSync(dir, { recursive: true, force: true });
    rmSync(ready, { force: true });
  };
}

/** What the seeding server printed (the demo passwords among it), once the template is ready. */
export async function templateReady(template: E2eTemplate, timeoutMs = 600_000): Promise<string> {
  for (const deadline = Date.now() + timeoutMs; !existsSync(template.ready); ) {
    if (Date.now() > deadline) throw new Error('the seeded template was not ready in time');
    await new Promise((r) => setTimeout(r, 250));
  }
  const told = JSON.parse(readFileSync(template.ready, 'utf8')) as { output?: string; error?: string };
  if (told.output === undefined) throw new Error(`seeding the template failed: ${told.error}`);
  return told.output;
}

/** A fresh data folder holding a copy of the seeded template (ready: `templateReady`). */
export function copyOfTemplate(template: E2eTemplate): string {
  const dir = mkdtempSync(join(tmpdir(), 'qx-e2e-'));
  // Not the server's control socket, should a stop have left one: each server makes its own.
  cpSync(template.dir, dir, { recursive: true, filter: (from) => !lstatSync(from).isSocket() });
  return dir;
}
