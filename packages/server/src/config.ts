import { resolve } from 'node:path';

/** Settings read once from the environment; every default suits `npm start` on a laptop. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  webDist: string | undefined;
  logLevel: string;
  sessionDays: number;
  secureCookies: boolean;
  sealIntervalMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.QIANXING_DATA_DIR ?? 'data'),
    webDist: env.QIANXING_WEB_DIST,
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionDays: Number(env.QIANXING_SESSION_DAYS ?? 7),
    secureCookies: env.QIANXING_SECURE_COOKIES === '1',
    sealIntervalMs: Number(env.QIANXING_SEAL_INTERVAL_MS ?? 1000),
  };
}
