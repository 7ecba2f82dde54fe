import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { loadCheckpointSigner } from './audit/checkpoint-key.js';
import { startSealer } from './audit/sealer.js';
import { logSmsProvider } from './auth/sms.js';
import { rowsOf } from './backup/backup.js';
import { startControlSocket } from './backup/control-socket.js';
import { finishInterruptedRestores } from './backup/restore-recovery.js';
import type { Config } from './config.js';
import { type Database, openDb } from './db/client.js';
import { groupCommitsSettled, groupCommitsWriting } from './db/group-commit.js';
import { openReadReplica } from './db/replica.js';
import { createApp } from './http/app.js';
import { drainingOnStop, requestsInFlight } from './http/drain.js';
import { createLogger, errorForLog } from './log.js';
import { createAppMetrics } from './metrics/app-metrics.js';
import { offerToPrimary } from './metrics/cluster.js';
import { startMetricsListener } from './metrics/endpoint.js';
import { modules } from './modules/registry.js';
import { closeOpenFolders } from './private-files.js';
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
  if (!config.dataDir.startsWith('memory://'))
    closeOpenFolders([config.dataDir, join(config.dataDir, 'files')], log);
  const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migration = await database.migrate();
    log.info({ database: database.kind, migration }, 'database ready');
    if (!config.dataDir.startsWith('memory://')) {
      // A restore killed midway may have left a file of a row in its staging folder.
      const exec = async (q: string) => rowsOf(await database.db.execute(sql.raw(q)));
      const put = await finishInterruptedRestores(exec, join(config.dataDir, 'files'));
      if (put) log.warn({ files: put }, 'files of an interrupted restore put in place');
    }
    const demoAccounts = options.seed
      ? await seedDemo({ db: database.db, principal: null, log, sms: logSmsProvider(log), requestId: 'seed' })
      : null;
    return { database, demoAccounts };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** The read replica of DATABASE_READ_URL, when one is configured. */
async function replicaOf(config: Config, database: Database, log: Logger) {
  if (!config.databaseReadUrl) return undefined;
  const replica = await openReadReplica({
    url: config.databaseReadUrl,
    primary: database,
    maxLagSeconds: config.readMaxLagSeconds,
    log,
  });
  log.info({ replica: replica.status() }, 'reads that may lag go to the replica');
  return replica;
}

/** Prepares the database (see prepareDatabase) and serves it (see serveDatabase). */
export async function startServer(
  config: Config,
  options: { seed?: boolean; log?: Logger } = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const { database, demoAccounts } = await prepareDatabase(config, { seed: options.seed, log });
  return serveDatabase(config, database, { log, demoAccounts });
}

/**
 * Starts the audit sealer and the modules' background work on a prepared database and serves
 * HTTP. `stop()` stops taking connections, waits for the requests in flight (up to the grace,
 * `shutdownGraceMs`), seals the last audit events, waits for the group commits under way (up to
 * the grace again) and only then closes the database; a request still running then is answered
 * 503 `UNAVAILABLE`. On a failure to start, the database is closed.
 */
export async function serveDatabase(
  config: Config,
  database: Database,
  options: { log: Logger; demoAccounts?: DemoAccount[] | null },
): Promise<RunningServer> {
  const { log } = options;
  const demoAccounts = options.demoAccounts ?? null;
  try {
    const sms = logSmsProvider(log);
    const signer = loadCheckpointSigner(config.checkpointKeyFile);
    log.info({ keyId: signer.keyId }, 'audit checkpoints are signed with this key');
    const stopSealer = startSealer(database.db, {
      intervalMs: config.sealIntervalMs,
      toleranceMs: config.auditClockToleranceMs,
      signer,
      log,
    });
    const readReplica = await replicaOf(config, database, log);
    const metrics =
      config.metricsToken || config.metricsListen ? createAppMetrics(database, readReplica) : undefined;
    const webDist = config.webDist ?? (existsSync(defaultWebDist) ? defaultWebDist : undefined);
    // Set as the stop closes the database: what fails on it from then on is answered 503.
    let databaseClosing = false;
    const app = createApp({
      modules,
      database,
      log,
      sms,
      version,
      sessionDays: config.sessionDays,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      webDist,
      metrics,
      readReplica,
      metricsToken: config.metricsToken,
      bodyIdleMs: config.bodyIdleMs,
      databaseClosing: () => databaseClosing,
    });
    const requests = requestsInFlight(app.fetch);
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: requests.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const drain = drainingOnStop(server as Server, requests);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info({ port }, 'listening');
    // A worker of `serve --workers` leaves the listener to its primary, which gathers them all.
    if (metrics && cluster.isWorker) offerToPrimary(metrics);
    const metricsListener =
      metrics && config.metricsListen && !cluster.isWorker
        ? await startMetricsListener(() => metrics.render(), config.metricsListen)
        : null;
    if (metricsListener) log.info({ port: metricsListener.port }, 'metrics listening');
    // An embedded database is backed up by this process, on request (backup/control-socket.ts).
    const stopControl =
      database.kind === 'pglite' && !config.dataDir.startsWith('memory://')
        ? await startControlSocket(database, config.dataDir, log)
        : async () => {};
    let stopping: Promise<void> | undefined;
    // A stop during a module's start-up work ends it: that failure is expected.
    const stopModules = modules.flatMap((m) =>
      m.start
        ? [
            m.start(database.db, (err) => {
              if (!stopping) log.error({ error: errorForLog(err), module: m.name }, 'background work failed');
            }),
          ]
        : [],
    );
    const stop = () => {
      stopping ??= (async () => {
        await drain.drain(config.shutdownGraceMs, log);
        await metricsListener?.stop();
        await stopControl();
        await stopSealer();
        for (const stopModule of stopModules) await stopModule();
        // A batch on its way (its request answered or its client gone) commits before the close;
        // one the database does not answer holds the stop no longer than the grace. Its callers
        // have not been answered (each is answered once its batch has committed), so a batch cut
        // here fails them with 503 and no write the clients were told of is lost.
        if (!(await groupCommitsSettled(config.shutdownGraceMs)))
          log.warn(
            { groupCommits: groupCommitsWriting() },
            'group commits still writing at the end of their wait',
          );
        databaseClosing = true;
        await readReplica?.close();
        await database.close();
        await drain.end(log);
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
