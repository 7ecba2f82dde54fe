import { join, resolve } from 'node:path';
import { z } from 'zod';
import { type TrustProxy, trustedProxies } from './http/client-address.js';

/** Settings read once from the environment; every default suits `npm start` on a laptop. */
export interface Config {
  port: number;
  host: string;
  /** Which peers' `X-Forwarded-For` names the client (QIANXING_TRUST_PROXY). */
  trustProxy: TrustProxy;
  databaseUrl: string | undefined;
  dataDir: string;
  webDist: string | undefined;
  logLevel: string;
  sessionDays: number;
  secureCookies: boolean;
  sealIntervalMs: number;
  /** How far an audit event's time may lie before the newest sealed one; later, it is refused. */
  auditClockToleranceMs: number;
  /** The Ed25519 key that signs the daily audit checkpoints (PEM, PKCS #8); made on first use. */
  checkpointKeyFile: string;
  /** Serve `/metrics` on the app's port to a scraper presenting this bearer token. */
  metricsToken: string | undefined;
  /** Serve `/metrics` without a token on a listener of its own (`host:port`). */
  metricsListen: string | undefined;
  /** A streaming replica of DATABASE_URL for reads that may lag (public pages, dashboards, exports). */
  databaseReadUrl: string | undefined;
  /** Beyond this lag (or while it does not answer) the replica is left alone and reads go to the primary. */
  readMaxLagSeconds: number;
  /** How long a request's body may go without a byte arriving before it is refused (408). */
  bodyIdleMs: number;
  /**
   * How long a stop waits for the requests in flight (QIANXING_SHUTDOWN_GRACE_S), and then as
   * long again at most for the group commits under way, before it closes the database.
   */
  shutdownGraceMs: number;
}

const Seconds = z.coerce.number().finite().nonnegative();

/** A setting given in seconds (fractions allowed); a value that is not one stops the start. */
function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const given = env[name] || undefined;
  const parsed = Seconds.safeParse(given ?? fallback);
  if (!parsed.success)
    throw new Error(`${name} must be a number of seconds, 0 or more (it is ${JSON.stringify(given)})`);
  return parsed.data;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.QIANXING_DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    // Loopback unless told otherwise: the app is meant to sit behind nginx on the same host.
    host: env.HOST ?? '127.0.0.1',
    trustProxy: trustedProxies(env.QIANXING_TRUST_PROXY),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    webDist: env.QIANXING_WEB_DIST,
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionDays: Number(env.QIANXING_SESSION_DAYS ?? 7),
    secureCookies: env.QIANXING_SECURE_COOKIES === '1',
    sealIntervalMs: Number(env.QIANXING_SEAL_INTERVAL_MS ?? 1000),
    auditClockToleranceMs: Number(env.QIANXING_AUDIT_CLOCK_TOLERANCE_S ?? 60) * 1000,
    metricsToken: env.QIANXING_METRICS_TOKEN || undefined,
    metricsListen: env.QIANXING_METRICS_LISTEN || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    readMaxLagSeconds: Number(env.QIANXING_READ_MAX_LAG_S ?? 5),
    bodyIdleMs: Number(env.QIANXING_BODY_IDLE_TIMEOUT_S ?? 30) * 1000,
    shutdownGraceMs: seconds(env, 'QIANXING_SHUTDOWN_GRACE_S', 10) * 1000,
    checkpointKeyFile: resolve(env.QIANXING_CHECKPOINT_KEY_FILE || join(dataDir, 'audit-checkpoint-key.pem')),
  };
}
