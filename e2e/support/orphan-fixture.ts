/**
 * Stands in for a test worker that fails before it calls its server's stop(): starts a server on a
 * data folder of its own, prints the server's pid and folder as one JSON line, then throws
 * (`throw`) or waits to be killed (`wait`). server-cleanup.e2e.test.ts runs it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOwnedServer } from './owned-server.js';

const dir = mkdtempSync(join(tmpdir(), 'qx-e2e-orphan-'));
const server = await startOwnedServer(dir, {}, []);
process.stdout.write(`${JSON.stringify({ pid: server.child.pid, dir })}\n`);
if (process.argv[2] === 'throw') throw new Error('a test failed before it stopped its server');
setInterval(() => undefined, 60_000);
