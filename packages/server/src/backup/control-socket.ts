import { chmodSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { isAbsolute, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { errorForLog } from '../log.js';
import { backupDatabase } from './backup.js';
import type { BackupSummary } from './backup-write.js';

/**
 * The running server's control socket, in the PGlite data folder. An embedded database belongs
 * to one process, so `qianxing backup` cannot open it while the server runs; it asks the server
 * through this socket instead, and the server writes the backup from its own connection. Only
 * who may read the data folder may reach the socket (0600), the same people who could copy the
 * database itself, so the socket needs no login of its own.
 */
export function controlSocketPath(dataDir: string): string {
  return join(resolve(dataDir), 'control.sock');
}

const BackupRequest = z.object({ output: z.string().min(1).refine(isAbsolute, 'must be an absolute path') });

export type BackupReply = BackupSummary;

/** Listens on the data folder's control socket; the returned function stops it. */
export async function startControlSocket(
  database: Database,
  dataDir: string,
  log: Logger,
): Promise<() => Promise<void>> {
  const path = controlSocketPath(dataDir);
  let busy = false;
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/backup') return reply(404, { error: 'unknown request' });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Busy from the whole request on, not its first bytes: a client gone before sending its body
    // never reaches 'end', and would otherwise leave every later backup refused until a restart.
    req.on('end', async () => {
      if (busy) return reply(409, { error: 'a backup is already being written' });
      busy = true;
      try {
        const parsed = BackupRequest.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
        if (!parsed.success) return reply(400, { error: parsed.error.issues[0]?.message ?? 'bad request' });
        const result = await backupDatabase(database, parsed.data.output);
        log.info({ ...result, output: parsed.data.output }, 'backup written on request');
        reply(200, result satisfies BackupReply);
      } catch (error) {
        log.error({ error: errorForLog(error) }, 'backup on request failed');
        reply(500, {
          error: error instanceof Error ? error.message : (JSON.stringify(error) ?? String(error)),
        });
      } finally {
        busy = false;
      }
    });
  });
  // The data folder is locked by this process, so a socket file left there is a crashed run's.
  rmSync(path, { force: true });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(path, () => done());
    });
    chmodSync(path, 0o600);
  } catch (error) {
    log.warn(
      { error: errorForLog(error), path },
      'no control socket: `qianxing backup` needs the server stopped',
    );
    return async () => {};
  }
  return () =>
    new Promise<void>((done) =>
      server.close(() => {
        rmSync(path, { force: true });
        done();
      }),
    );
}

/**
 * Asks the server that holds `dataDir` to write a backup to `output`. Null when no server
 * answers on the socket (none runs, or an older one without it).
 */
export function requestServerBackup(dataDir: string, output: string): Promise<BackupReply | null> {
  return new Promise((done, fail) => {
    const req = request(
      {
        socketPath: controlSocketPath(dataDir),
        path: '/backup',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupReply & { error?: string };
          if (res.statusCode === 200)
            done({
              tables: body.tables,
              rows: body.rows,
              files: body.files,
              missingFiles: body.missingFiles,
            });
          else fail(new Error(body.error ?? `the server answered ${res.statusCode}`));
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') done(null);
      else fail(error);
    });
    req.end(JSON.stringify({ output: resolve(output) }));
  });
}
