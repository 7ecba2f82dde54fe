import { cpSync, lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServeProcess } from '../../packages/cli/src/test-support/serve-process.js';
import { hasChromium } from './browser.js';
import { ensureWebBuilt } from './build.js';

/** A data folder with the demo district seeded once, and what its server printed then. */
export interface E2eTemplate {
  dir: string;
  output: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplate: E2eTemplate | null;
  }
}

/**
 * Seeds the demo district once for the whole browser suite, through the real `serve --demo`,
 * and stops it cleanly; each test file's server then starts on a copy of that folder. Seeding
 * takes 10–15 s and a copy with a start 3–4 s, over eighteen files.
 */
export default async function setup(project: TestProject) {
  if (!hasChromium) return project.provide('e2eTemplate', null);
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'qx-e2e-template-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let output: string;
  try {
    const server = await startServeProcess({ QIANXING_DATA_DIR: dir, DATABASE_URL: '' });
    await server.stop();
    output = server.output;
  } catch (error) {
    remove();
    throw error;
  }
  project.provide('e2eTemplate', { dir, output });
  return remove;
}

/** A fresh data folder holding a copy of the seeded template. */
export function copyOfTemplate(template: E2eTemplate): string {
  const dir = mkdtempSync(join(tmpdir(), 'qx-e2e-'));
  // Not the server's control socket, should a stop have left one: each server makes its own.
  cpSync(template.dir, dir, { recursive: true, filter: (from) => !lstatSync(from).isSocket() });
  return dir;
}
