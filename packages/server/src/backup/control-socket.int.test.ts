import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createLogger } from '../log.js';
import { createTestDatabase } from '../test-support/db.js';
import { tempFolders } from '../test-support/temp-folders.js';
import { controlSocketPath, requestServerBackup, startControlSocket } from './control-socket.js';

/** The running server's control socket, asked for backups. Run on PGlite and PostgreSQL. */
let database: Database;
let stop: () => Promise<void>;
const folder = tempFolders('qx-control-');
const dataDir = folder();
beforeAll(async () => {
  database = await createTestDatabase();
  stop = await startControlSocket(database, dataDir, createLogger('warn'));
});
afterAll(async () => {
  await stop();
  await database.close();
});

describe('the control socket', { timeout: 60_000 }, () => {
  it('writes a backup after a client left in the middle of its request', async () => {
    // A request that declares a body and goes away before sending it.
    await new Promise<void>((done, fail) => {
      const socket = connect(controlSocketPath(dataDir), () => {
        socket.write('POST /backup HTTP/1.1\r\nhost: x\r\ncontent-length: 200\r\n\r\n{"out');
        setTimeout(() => {
          socket.destroy();
          done();
        }, 100);
      });
      socket.on('error', fail);
    });
    const reply = await requestServerBackup(dataDir, join(folder(), 'after-abort.jsonl.gz'));
    expect(reply).toMatchObject({ files: 0 });
    expect(reply!.tables).toBeGreaterThan(10);
  });
});
