import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { startSealer } from './audit/seal.js';
import { logSmsProvider } from './auth/sms.js';
import type { Config } from './config.js';
import { type Database, openDb } from './db/client.js';
import { createApp } from './http/app.js';
import { createLogger, errorForLog } from './log.js';
import { ideasEngine, warmIdeasEngine } from './modules/ideas/engine.js';
import { type DemoAccount, seedDemo } from './seed/demo.js';
import { version } from './version.js';

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningServer {
  port: number;
  database: Database;
  demoAccounts: DemoAccount[] | null;
  stop(): Promise<void>;
}

/**
 * Opens the database, applies migrations and seeds the demo district when asked and the
 * database is empty. The demo accounts are returned when it seeded, else null.
 */
export async function prepareDatabase(
  config: Config,
  options: { seed?: boolean; log: Logger },
): Promise<{ database: Database; demoAccounts: DemoAccount[] | null }> {
  const { log } = options;
  const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migration = await database.migrate();
    log.info({ database: database.kind, migration }, 'database ready');
    const demoAccounts = options.seed
      ? await seedDemo({ db: database.db, principal: null, log, sms: logSmsProvider(log), requestId: 'seed' })
      : null;
    return { database, demoAccounts };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * Prepares the database (see prepareDatabase), starts the audit sealer and serves HTTP.
 * `stop()` drains requests, seals the last audit events and closes the database.
 */
export async function startServer(
  config: Config,
  options: { seed?: boolean; log?: Logger } = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const { database, demoAccounts } = await prepareDatabase(config, { seed: options.seed, log });
  try {
    const sms = logSmsProvider(log);
    const stopSealer = startSealer(database.db, config.sealIntervalMs, (err) =>
      log.error({ error: errorForLog(err) }, 'audit sealing failed'),
    );
    const webDist = config.webDist ?? (existsSync(defaultWebDist) ? defaultWebDist : undefined);
    const app = createApp({
      database,
      log,
      sms,
      version,
      sessionDays: config.sessionDays,
      secureCookies: config.secureCookies,
      trustProxy: process.env.QIANXING_TRUST_PROXY === '1',
      webDist,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info({ port }, 'listening');
    let stopping: Promise<void> | undefined;
    // A stop during the build ends the text worker under it: that failure is expected.
    warmIdeasEngine(database.db).catch((err) => {
      if (!stopping) log.error({ error: errorForLog(err) }, 'building the ideas index failed');
    });
    const stop = () => {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive sockets would hold close() open; requests in flight may finish for 10 s.
        const http = server as unknown as {
          closeIdleConnections?: () => void;
          closeAllConnections?: () => void;
        };
        http.closeIdleConnections?.();
        const timer = setTimeout(() => http.closeAllConnections?.(), 10_000);
        await closed;
        clearTimeout(timer);
        await stopSealer();
        await ideasEngine.close();
        await database.close();
        log.info('stopped');
      })();
      return stopping;
    };
    return { port, database, demoAccounts, stop };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
