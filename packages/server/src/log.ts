import pino from 'pino';

export const createLogger = (level: string) =>
  pino({ level, base: { service: 'qianxing' }, timestamp: pino.stdTimeFunctions.isoTime });

/** Names that say where a database error arose without holding any of the data. */
const placeFields = ['code', 'severity', 'table', 'column', 'constraint', 'routine'] as const;

/**
 * An error as it may be logged: its kind, a message without the values involved, the stack
 * frames, and for a database error its SQLSTATE, the statement (placeholders, never the
 * parameters) and the table or constraint. A failed query's parameters are what people typed
 * (names, phone numbers, suggestions), and PostgreSQL quotes the offending value in its message
 * and detail, so none of those reach the log. Log it under `error`, not `err`: pino's serializer
 * for `err` would rework it.
 */
export function errorForLog(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & Record<string, unknown>;
  const fromDatabase = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
  // Drizzle appends the parameters to its message; PostgreSQL quotes the value it refused.
  let message = e.message.split('\nparams:')[0]!;
  if (fromDatabase) message = message.replace(/"[^"]*"/g, '"…"');
  const frames = (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const out: Record<string, unknown> = {
    type: e.name,
    message,
    stack: [`${e.name}: ${message}`, ...frames].join('\n'),
  };
  if (typeof e.query === 'string') out.query = e.query;
  for (const key of placeFields) if (typeof e[key] === 'string') out[key] = e[key];
  if (e.cause !== undefined && depth < 3) out.cause = errorForLog(e.cause, depth + 1);
  return out;
}
