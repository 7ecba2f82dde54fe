import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { tablesInDependencyOrder } from '../backup/backup.js';
import { openApiDocument } from '../openapi/document.js';
import type { TestContext } from './app.js';
import { arbitraryOf, holdsText, type Leaves, type Schema } from './openapi-arbitrary.js';

/** The routes of the OpenAPI document, with what each reads from the request. */
export interface Operation {
  method: string;
  template: string;
  params: Array<{ name: string; in: string; schema: Schema }>;
  /** The JSON body's schema; null when the route reads none or another media type. */
  json: Schema | null;
  /** True when the route reads a body of another media type (a workbook, a file, a CSV). */
  other: boolean;
}

export const doc = openApiDocument() as unknown as Schema;

export const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, Schema>>)
  .flatMap(([template, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => {
      const content = ((op.requestBody as Schema | undefined)?.content ?? {}) as Record<string, Schema>;
      return {
        method: method.toUpperCase(),
        template,
        params: (op.parameters ?? []) as Operation['params'],
        json: (content['application/json']?.schema as Schema | undefined) ?? null,
        other: Object.keys(content).some((type) => type !== 'application/json'),
      };
    }),
  )
  // Signing out would end the session the fuzzing runs in.
  .filter((o) => o.template !== '/api/v1/auth/logout');

export const writeOperations = operations.filter((o) => o.method !== 'GET');

/** Dates around the range the platform holds, and strings that only look like dates. */
export const edgeDates = [
  '0000-01-01',
  '0001-01-01',
  '1899-12-31',
  '1900-01-01',
  '2100-12-31',
  '2101-01-01',
  '9999-12-31',
  '2024-02-29',
  '2023-02-29',
  '2026-13-01',
  '20260101',
  '+002026-01-01',
  '2026-01-01T00:00:00Z',
];

function regexOf(pattern: unknown): RegExp | null {
  try {
    return typeof pattern === 'string' ? new RegExp(pattern) : null;
  } catch {
    return null;
  }
}

/** Strings at the edges of what a field takes: its length limits, far past them, odd but storable text. */
export function edgeText(schema: Schema): fc.Arbitrary<string> {
  const max = Math.min(Number(schema.maxLength ?? 200), 20_000);
  const min = Number(schema.minLength ?? 0);
  const pattern = regexOf(schema.pattern);
  return fc.oneof(
    pattern
      ? fc.stringMatching(pattern).filter((s) => s.length <= max)
      : fc.string({ minLength: min, maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: 40 }),
    fc.constantFrom(
      'x'.repeat(max),
      'x'.repeat(max + 1),
      '汉'.repeat(max),
      '𠮷'.repeat(max),
      'y'.repeat(100_000),
      ' '.repeat(Math.max(min, 1)),
      '\u0001\u001f\u007f',
      '\uFEFF\u200B\u2028',
      '\uFFFF\uFFFE',
      "'; drop table users; --",
      '%00',
      '\\u0000',
    ),
  );
}

/** Real ids from the database, by the column a value is for, so requests reach existing rows. */
export async function idPools(t: TestContext, ownUserId: string) {
  const ids = async (table: string) =>
    (
      (await t.database.db.execute(sql.raw(`select id::text as id from "${table}" limit 20`))) as unknown as {
        rows: Array<{ id: string }>;
      }
    ).rows.map((r) => r.id);
  const tables: Record<string, string> = {
    users: 'users',
    units: 'units',
    indicators: 'target_indicators',
    plans: 'target_plans',
    reports: 'target_reports',
    evidence: 'attachments',
    scorecards: 'target_scorecards',
    regions: 'target_regions',
    suggestions: 'idea_suggestions',
    events: 'idea_events',
    reviews: 'idea_reviews',
    actions: 'idea_actions',
    inbox: 'notifications',
    campaigns: 'idea_campaigns',
    attachments: 'attachments',
    comments: 'idea_comments',
    entries: 'idea_list_entries',
  };
  const pools: Record<string, string[]> = {};
  for (const [key, table] of Object.entries(tables)) pools[key] = await ids(table);
  // The fuzzing admin's own account stays usable: no reset, revocation or role change of it.
  pools.users = pools.users!.filter((id) => id !== ownUserId);
  return pools;
}

const poolByName: Array<[RegExp, string]> = [
  [/unit|town|parent/, 'units'],
  [/plan/, 'plans'],
  [/indicator/, 'indicators'],
  [/region/, 'regions'],
  [/suggestion|^ids$/, 'suggestions'],
  [/event/, 'events'],
  [/entry/, 'entries'],
];

/** The pool a uuid is drawn from: by the path segment before `{id}`, or by the property's name. */
function poolOf(pools: Record<string, string[]>, name: string): string[] {
  const n = name.toLowerCase();
  const key = n in pools ? n : poolByName.find(([pattern]) => pattern.test(n))?.[1];
  const pool = key ? pools[key] : undefined;
  return pool?.length ? pool : Object.values(pools).flat();
}

export function leavesFor(
  pools: Record<string, string[]>,
  text: (schema: Schema) => fc.Arbitrary<string>,
): Leaves {
  return {
    string: (schema) => text(schema),
    uuid: (name) => {
      const pool = poolOf(pools, name);
      return pool.length ? fc.oneof(fc.constantFrom(...pool), fc.uuid()) : fc.uuid();
    },
    date: fc.oneof(
      fc.constantFrom(...edgeDates),
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    ),
  };
}

/** A request to `op`: its path with the parameters filled in, and a JSON body when it takes one. */
export function requestOf(op: Operation, leaves: Leaves) {
  const path = fc.record(
    Object.fromEntries(
      op.params
        .filter((p) => p.in === 'path')
        .map((p) => {
          const segment = op.template.split(`/{${p.name}}`)[0]!.split('/').pop()!;
          return [p.name, arbitraryOf(p.schema, doc, leaves, segment)];
        }),
    ),
  );
  const body = op.json ? arbitraryOf(op.json, doc, leaves) : fc.constant(undefined);
  return fc.record({ path, body });
}

/** The path with its parameters, each percent-encoded, and `raw` (already encoded) after the one it names. */
export const fillPath = (
  template: string,
  values: Record<string, unknown>,
  raw?: { name: string; text: string },
) =>
  template.replace(
    /\{(\w+)\}/g,
    (_, name: string) => encodeURIComponent(String(values[name])) + (raw?.name === name ? raw.text : ''),
  );

export const canPoison = (op: Operation) =>
  op.params.some((p) => p.in === 'path') || (op.json !== null && holdsText(op.json, doc));

/** Text PostgreSQL cannot store: NUL, and halves of UTF-16 pairs on their own. */
export const poisons = ['\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\ude00x', '\u0000\ud800'];

/**
 * The same in a URL, already percent-encoded: only NUL, as a URL holds UTF-8 bytes and a
 * surrogate's bytes are not UTF-8 (the router then keeps the escapes as they are).
 */
export const urlPoisons = ['%00', 'a%00b', '%00%00'];

/**
 * `value` with one of its strings (a value or an object key, chosen by `pick`) spoiled by
 * `poison`; null when it holds no string.
 */
export function poisoned(value: unknown, pick: number, poison: string): { value: unknown } | null {
  let slots = 0;
  const count = (v: unknown): void => {
    if (typeof v === 'string') slots++;
    else if (Array.isArray(v)) v.forEach(count);
    else if (v !== null && typeof v === 'object')
      for (const child of Object.values(v)) {
        slots++;
        count(child);
      }
  };
  count(value);
  if (slots === 0) return null;
  let at = pick % slots;
  const spoil = (s: string) => (at-- === 0 ? `${s.slice(0, 3)}${poison}${s.slice(3)}` : s);
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return spoil(v);
    if (Array.isArray(v)) return v.map(copy);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.entries(v).map(([k, child]) => [spoil(k), copy(child)]));
  };
  return { value: copy(value) };
}

/**
 * Tables a refused request may still write: throttle counters and their batches' tokens, sessions,
 * wrong-code attempts.
 */
const expectedWrites = new Set(['throttles', 'throttle_batches', 'sessions', 'verification_codes']);

/**
 * One row per table a refused request must leave alone, `t` being its name and the columns
 * `select` (over its rows as `r`), in one statement: a query per table cost a round trip each,
 * twice for every fuzzed route.
 */
async function perTable<Row>(t: TestContext, select: string): Promise<Array<Row & { t: string }>> {
  const parts = tablesInDependencyOrder()
    .filter(({ name }) => !expectedWrites.has(name))
    .map(({ name }) => `select '${name}' as t, ${select} from "${name}" r`);
  // Ordered: PostgreSQL may run the parts of a long union in parallel and return them in any order.
  const result = await t.database.db.execute(
    sql.raw(`select * from (${parts.join(' union all ')}) parts order by t`),
  );
  return (result as unknown as { rows: Array<Row & { t: string }> }).rows;
}

/** Row counts and content hashes of every table: exact, for a before/after around many requests. */
export async function snapshot(t: TestContext) {
  const rows = await perTable<{ n: number; h: string }>(
    t,
    `count(*)::int as n, md5(coalesce(string_agg(r::text, '' order by r::text), '')) as h`,
  );
  const counts: Record<string, number> = {};
  for (const row of rows) {
    counts[row.t] = row.n;
    counts[`${row.t}#hash`] = Number.parseInt(row.h.slice(0, 8), 16);
  }
  return counts;
}

/**
 * `snapshot` of `t`'s tables, read again only when a transaction that wrote has begun or ended
 * since the last reading (a write always takes a transaction id, which the current snapshot's
 * xmin, xmax and ids in progress then show): the fuzz compares the tables before and after each
 * route's requests, a scan of every row each time, and the reading after one route is the reading
 * before the next. One per test file, for the database of its context.
 */
export function snapshots(t: TestContext): () => Promise<Record<string, number>> {
  let last: { mark: string; counts: Record<string, number> } | undefined;
  return async () => {
    const result = await t.database.db.execute(sql.raw('select pg_current_snapshot()::text as s'));
    const mark = (result as unknown as { rows: Array<{ s: string }> }).rows[0]!.s;
    if (last?.mark !== mark) last = { mark, counts: await snapshot(t) };
    return last.counts;
  };
}

/**
 * Row counts and the newest row version (xmin) of every table, in one statement: any insert,
 * update or delete that committed changes it. Cheap enough to take around each request.
 */
export async function fingerprint(t: TestContext): Promise<string> {
  return JSON.stringify(
    await perTable(t, 'count(*)::int as n, coalesce(max(xmin::text::bigint), 0)::text as x'),
  );
}

/**
 * The first transaction id not yet completed. A write that committed or rolled back since the
 * last reading moved it on; while it stands still, no table changed and the fingerprint (a scan
 * of every table, about 20 ms) need not be taken again.
 */
export async function nextTransaction(t: TestContext): Promise<string> {
  const result = await t.database.db.execute(
    sql.raw('select pg_snapshot_xmax(pg_current_snapshot())::text as x'),
  );
  return (result as unknown as { rows: Array<{ x: string }> }).rows[0]!.x;
}
