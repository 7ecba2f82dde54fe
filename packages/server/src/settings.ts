import { z } from 'zod';
import { type TrustProxy, trustedProxies } from './http/client-address.js';

/**
 * Every operator setting the server and the command line read from the environment, as one zod
 * schema: the default, the bounds and the words of the refusal live beside each other, and the
 * table in docs/operations.md follows it. An empty variable counts as unset (an `env` file's
 * `NAME=` line), everything else must be what its setting says or the start stops.
 */

/** Unset or empty: the default. */
const given = (value: unknown) => (value === '' ? undefined : value);

/** What a setting must be, in the words of the refusal: `NAME must be <what> (it is "…")`. */
type What = string;

function whole(what: What, fallback: number, min: number, max: number) {
  return z.preprocess(
    given,
    z
      .string()
      .trim()
      .regex(/^\d+$/, what)
      .transform(Number)
      .pipe(z.number().min(min, what).max(max, what))
      .default(fallback),
  );
}

function seconds(what: What, fallback: number, options: { positive: boolean }) {
  // Decimal digits only: `5s`, `1,5`, `1e3`, `0x10` and `Infinity` are refused, not guessed at.
  // A day at most: a timer longer than 24.8 days fires at once in Node instead.
  const number = z.number().min(0, what).max(86_400, what);
  return z.preprocess(
    given,
    z
      .string()
      .trim()
      .regex(/^(\d+\.?\d*|\.\d+)$/, what)
      .transform(Number)
      .pipe(options.positive ? number.positive(what) : number)
      .default(fallback),
  );
}

const limit = (per: string, fallback: number) =>
  whole(`a whole number of ${per}, from 1 to 1000000000`, fallback, 1, 1_000_000_000);

const text = (what: What, min = 1) => z.preprocess(given, z.string().min(min, what).optional());

function postgresUrl(what: What) {
  return z.preprocess(
    given,
    z
      .string()
      .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), what)
      .optional(),
  );
}

const flags = { '1': true, true: true, '0': false, false: false } as const;

function flag(what: What) {
  return z.preprocess(
    given,
    z
      .enum(Object.keys(flags) as [keyof typeof flags], what)
      .default('0')
      .transform((value) => flags[value]),
  );
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const settingsSchema = z.object({
  PORT: whole('a port number from 0 to 65535 (0: any free port)', 3000, 0, 65535),
  HOST: z.preprocess(given, z.string().default('127.0.0.1')),
  QIANXING_TRUST_PROXY: z.preprocess(
    given,
    z
      .string()
      .optional()
      .transform((value, ctx): TrustProxy => {
        try {
          return trustedProxies(value);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: `0, 1 or a comma-separated list of addresses and CIDR blocks (${(error as Error).message.replace(/^QIANXING_TRUST_PROXY: /, '')})`,
          });
          return z.NEVER;
        }
      }),
  ),
  DATABASE_URL: postgresUrl('a postgres:// or postgresql:// URL'),
  DATABASE_READ_URL: postgresUrl('a postgres:// or postgresql:// URL'),
  QIANXING_DATA_DIR: z.preprocess(given, z.string().default('data')),
  QIANXING_WEB_DIST: text('a folder'),
  QIANXING_CHECKPOINT_KEY_FILE: text('a file'),
  LOG_LEVEL: z.preprocess(given, z.enum(logLevels, `one of ${logLevels.join(', ')}`).default('info')),
  QIANXING_SESSION_DAYS: whole('a whole number of days, from 1 to 365', 7, 1, 365),
  QIANXING_SECURE_COOKIES: flag('1 or 0 (true or false)'),
  QIANXING_SEAL_INTERVAL_MS: whole('a whole number of milliseconds, from 1 to 3600000', 1000, 1, 3_600_000),
  QIANXING_AUDIT_CLOCK_TOLERANCE_S: seconds('a number of seconds, from 0 to 86400', 60, { positive: false }),
  QIANXING_METRICS_TOKEN: text('a token of 16 characters or more', 16),
  QIANXING_METRICS_LISTEN: z.preprocess(
    given,
    z
      .string()
      .regex(/^(?:\[[^\]]+\]|[^:]+):\d{1,5}$/, 'host:port (127.0.0.1:9464, [::1]:9464)')
      .refine(
        (value) => Number(value.slice(value.lastIndexOf(':') + 1)) <= 65535,
        'host:port, port up to 65535',
      )
      .optional(),
  ),
  QIANXING_READ_MAX_LAG_S: seconds('a number of seconds, from 0 to 86400', 5, { positive: false }),
  QIANXING_BODY_IDLE_TIMEOUT_S: seconds('a number of seconds, more than 0 and up to 86400', 30, {
    positive: true,
  }),
  QIANXING_SHUTDOWN_GRACE_S: seconds('a number of seconds, from 0 to 86400', 10, { positive: false }),
  QIANXING_WORKERS: whole('a whole number of processes, from 1 to 64', 1, 1, 64),
  QIANXING_IDEAS_SUBMIT_LIMIT: limit('suggestions a minute', 30),
  QIANXING_IDEAS_SIMILAR_LIMIT: limit('look-ups a minute', 120),
  QIANXING_IDEAS_SUPPORT_LIMIT: limit('supports a minute', 60),
  QIANXING_IDEAS_TRACK_LIMIT: limit('look-ups a minute', 30),
  QIANXING_IDEAS_COMMENT_LIMIT: limit('comments a minute', 20),
  QIANXING_IDEAS_COMMENT_DAILY_LIMIT: limit('comments a day', 100),
  QIANXING_IDEAS_SURVEY_LIMIT: limit('answers a minute', 20),
  QIANXING_INSPECTIONS_CHECK_LIMIT: limit('look-ups a minute', 30),
  QIANXING_SMS_INTERVAL_S: whole('a whole number of seconds, from 1 to 86400', 60, 1, 86_400),
  QIANXING_SMS_DAILY_LIMIT: limit('codes a day', 10),
  // A worksheet holds 1,048,576 rows, one of them the header.
  QIANXING_EXPORT_MAX_ROWS: whole('a whole number of rows, from 1 to 1048575', 50_000, 1, 1_048_575),
  QIANXING_PHONE_HASH_KEY: text('a key of 32 characters or more', 32),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingName = keyof Settings;
export const settingNames = Object.keys(settingsSchema.shape) as SettingName[];

/** Settings whose value may hold a password or a key: a refusal does not repeat them. */
const secret = new Set<SettingName>([
  'DATABASE_URL',
  'DATABASE_READ_URL',
  'QIANXING_METRICS_TOKEN',
  'QIANXING_PHONE_HASH_KEY',
]);

/** The environment's bad settings, all of them, one line each: what each must be and what it is. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
  }
}

/** The settings of `env`, or a SettingsError naming every variable that is not what it must be. */
export function parseSettings(env: NodeJS.ProcessEnv): Settings {
  const parsed = settingsSchema.safeParse(Object.fromEntries(settingNames.map((name) => [name, env[name]])));
  if (parsed.success) return parsed.data;
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0]) as SettingName;
    if (problems.has(name)) continue;
    const shown = secret.has(name) ? 'not shown, as it may hold a secret' : JSON.stringify(env[name]);
    problems.set(name, `${name} must be ${issue.message} (it is ${shown})`);
  }
  throw new SettingsError([...problems.values()]);
}

let parsedOnce: { key: string; settings: Settings } | undefined;

/**
 * The settings of the process's environment now. Modules read them at call time, not at import,
 * so that a test or benchmark that sets a variable before its case is heard without loading the
 * module anew; they are parsed again only when one of the variables has changed, so a request
 * pays for reading the variables, not for the schema. `serve` parses them once before it starts,
 * so a bad value stops the start instead of failing the first request that needs it.
 */
export function settings(): Settings {
  const key = settingNames.map((name) => process.env[name] ?? '').join('\0');
  if (parsedOnce?.key !== key) parsedOnce = { key, settings: parseSettings(process.env) };
  return parsedOnce.settings;
}
