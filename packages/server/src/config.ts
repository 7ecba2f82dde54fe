import { join, resolve } from 'node:path';
import type { TrustProxy } from './http/client-address.js';
import { type LogLevel, parseSettings, settings } from './settings.js';

/** Settings read from the environment (see settings.ts); every default suits `npm start` on a laptop. */
export interface Config {
  port: number;
  host: string;
  /** Which peers' `X-Forwarded-For` names the client (QIANXING_TRUST_PROXY). */
  trustProxy: TrustProxy;
  databaseUrl: string | undefined;
  dataDir: string;
  webDist: string | undefined;
  logLevel: LogLevel;
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
  /** Server processes sharing the port (`serve --workers` overrides it); PostgreSQL only. */
  workers: number;
}

/**
 * The settings of `env` (the process's own unless given) as the server uses them. Every value is
 * checked by the settings' schema first: a bad one stops the start with a SettingsError naming
 * every bad variable, instead of a NaN that a limit or a timer would silently act on.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const s = env === process.env ? settings() : parseSettings(env);
  const dataDir = resolve(s.QIANXING_DATA_DIR);
  return {
    port: s.PORT,
    // Loopback unless told otherwise: the app is meant to sit behind nginx on the same host.
    host: s.HOST,
    trustProxy: s.QIANXING_TRUST_PROXY,
    databaseUrl: s.DATABASE_URL,
    dataDir,
    webDist: s.QIANXING_WEB_DIST,
    logLevel: s.LOG_LEVEL,
    sessionDays: s.QIANXING_SESSION_DAYS,
    secureCookies: s.QIANXING_SECURE_COOKIES,
    sealIntervalMs: s.QIANXING_SEAL_INTERVAL_MS,
    auditClockToleranceMs: s.QIANXING_AUDIT_CLOCK_TOLERANCE_S * 1000,
    metricsToken: s.QIANXING_METRICS_TOKEN,
    metricsListen: s.QIANXING_METRICS_LISTEN,
    databaseReadUrl: s.DATABASE_READ_URL,
    readMaxLagSeconds: s.QIANXING_READ_MAX_LAG_S,
    bodyIdleMs: s.QIANXING_BODY_IDLE_TIMEOUT_S * 1000,
    shutdownGraceMs: s.QIANXING_SHUTDOWN_GRACE_S * 1000,
    workers: s.QIANXING_WORKERS,
    checkpointKeyFile: resolve(s.QIANXING_CHECKPOINT_KEY_FILE ?? join(dataDir, 'audit-checkpoint-key.pem')),
  };
}
