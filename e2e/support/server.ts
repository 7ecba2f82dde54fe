import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { demoPasswords, type ServeProcess } from '../../packages/cli/src/test-support/serve-process.js';
import { ensureWebBuilt } from './build.js';
import { startOwnedServer } from './owned-server.js';
import { copyOfTemplate, templateReady } from './template.js';

export interface E2eServer extends ServeProcess {
  accounts: Record<string, string>;
}

/**
 * The real server on a fresh embedded database with the demo district and its passwords: a copy
 * of the suite's seeded template when there is one, else seeded here. `env` adds settings.
 * `stop()` removes the data folder once the server has exited: about 68 MB a server, left behind
 * by every run, filled the disk. A test that fails before its `stop()` leaves nothing running
 * either (owned-server.ts).
 */
export async function startE2eServer(env: NodeJS.ProcessEnv = {}): Promise<E2eServer> {
  ensureWebBuilt();
  const template = inject('e2eTemplate');
  const seededOutput = template ? await templateReady(template) : undefined;
  const dataDir = template ? copyOfTemplate(template) : mkdtempSync(join(tmpdir(), 'qx-e2e-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  let server: ServeProcess;
  try {
    server = await startOwnedServer(dataDir, env);
  } catch (error) {
    await removeDataDir();
    throw error;
  }
  return {
    ...server,
    accounts: demoPasswords(seededOutput ?? server.output),
    async stop() {
      try {
        await server.stop();
      } finally {
        await removeDataDir();
      }
    },
  };
}
