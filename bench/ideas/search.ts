// The public word search against the literal search it replaced, on the full demo campaign
// (10,400 suggestions), in the same run on the same database: medians per query and their ratio.
// Run: npx tsx --conditions=source bench/ideas/search.ts   (BENCH_KIND=pglite for PGlite)
import { performance } from 'node:perf_hooks';
import { and, desc, inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { type Db, openDb } from '../../packages/server/src/db/client.js';
import { publicStatuses } from '../../packages/server/src/modules/ideas/publication.js';
import { currentCampaign } from '../../packages/server/src/modules/ideas/queries/campaigns.js';
import { searchPublic, suggestionFilters } from '../../packages/server/src/modules/ideas/queries/public.js';
import { ideaSuggestions } from '../../packages/server/src/modules/ideas/schema.js';
import { suggestionWords } from '../../packages/server/src/modules/ideas/text/tokens.js';
import { seedDemo } from '../../packages/server/src/seed/demo.js';
import { inboxSms } from '../../packages/server/src/test-support/app.js';
import { createTestDatabase } from '../../packages/server/src/test-support/db.js';

const kind = process.env.BENCH_KIND === 'pglite' ? 'pglite' : 'postgres';
if (kind === 'pglite') delete process.env.DATABASE_URL;
else process.env.DATABASE_URL ||= 'postgres://qx:qx@127.0.0.1:5432/qx_test';
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const PAGE_SIZE = 10; // the public browse page's

/** Phrases of the demo's own wording (seed/demo-text.ts), and 看病难 / 停车难 as citizens ask. */
const queries = [
  '看病难',
  '停车难',
  '高铁站公交接驳',
  '脆红李',
  '乡村教师待遇',
  '濯水古镇',
  '污水处理',
  '养老服务',
  '5G基站',
  '老旧小区改造',
  '物业管理',
  '旅游厕所',
];

/**
 * The search the word search replaced, kept here for this comparison only: every jieba word of
 * the query (`searchTokens` as it was: raw text, jieba with HMM) must be among a suggestion's
 * words (`terms @>`, a GIN index), newest first.
 */
async function literalSearch(db: Db, q: string) {
  const { segmentServer } = await import('@qianxing/core/text/server');
  const terms = [...new Set(segmentServer(q).map((w) => w.toLowerCase().replace(/\s+/g, '')))]
    .filter(Boolean)
    .slice(0, 12);
  const campaign = await currentCampaign(db);
  const where = suggestionFilters(campaign.id, {});
  where.push(inArray(ideaSuggestions.status, publicStatuses(campaign)));
  where.push(
    terms.length === 0
      ? sql`false`
      : sql`${ideaSuggestions.terms} @> array[${sql.join(
          terms.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(ideaSuggestions)
      .where(and(...where))
      .orderBy(desc(ideaSuggestions.createdAt), desc(ideaSuggestions.id))
      .limit(PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideaSuggestions)
      .where(and(...where)),
  ]);
  return { total: count?.n ?? 0, items: rows };
}

const wordSearch = (db: Db, q: string) => searchPublic(db, { q, page: 1, pageSize: PAGE_SIZE });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await f();
  return [performance.now() - start, out];
}

/** A fresh database with the full demo, or BENCH_DATABASE_URL's, already seeded, as it is. */
async function benchDatabase() {
  const reuse = process.env.BENCH_DATABASE_URL;
  if (reuse) return { ...(await openDb({ databaseUrl: reuse, poolSize: 5 })), seedMs: Number.NaN };
  process.env.QIANXING_DEMO_IDEAS = 'full';
  const database = await createTestDatabase();
  const ctx = {
    db: database.db,
    principal: null,
    log: pino({ level: 'silent' }),
    sms: inboxSms(),
    requestId: 'bench',
  };
  const [seedMs] = await timed(() => seedDemo(ctx));
  delete process.env.QIANXING_DEMO_IDEAS;
  return { ...database, seedMs };
}

const database = await benchDatabase();
try {
  // Statistics as autovacuum would have gathered them a minute after the seed, for both searches.
  await database.db.execute(sql`analyze idea_suggestions`);
  const rows = await database.db
    .select({ title: ideaSuggestions.title, body: ideaSuggestions.body })
    .from(ideaSuggestions);
  const [wordsMs] = await timed(async () => {
    for (const r of rows) suggestionWords(r.title, r.body);
  });
  console.log(
    `${kind}: ${rows.length} suggestions; demo seed ${(database.seedMs / 1000).toFixed(1)} s, of which their search words ${(wordsMs / 1000).toFixed(2)} s`,
  );
  console.log(
    `${rounds} rounds per query after 3 of warm-up, literal and word search taken in turn, page of ${PAGE_SIZE}\n`,
  );
  console.log('query            literal: found  median ms   word: found  median ms   ratio');
  const all: { literal: number[]; word: number[] } = { literal: [], word: [] };
  const perQuery = [];
  for (const q of queries) {
    const literal: number[] = [];
    const word: number[] = [];
    let found = { literal: 0, word: 0 };
    for (let i = 0; i < rounds + 3; i++) {
      const [lm, l] = await timed(() => literalSearch(database.db, q));
      const [wm, w] = await timed(() => wordSearch(database.db, q));
      found = { literal: l.total, word: w.total };
      if (i < 3) continue;
      literal.push(lm);
      word.push(wm);
    }
    all.literal.push(...literal);
    all.word.push(...word);
    const [lm, wm] = [median(literal), median(word)];
    perQuery.push({ q, literalFound: found.literal, literalMs: lm, wordFound: found.word, wordMs: wm });
    console.log(
      `${q.padEnd(16 - [...q].length)} ${String(found.literal).padStart(13)} ${lm.toFixed(2).padStart(10)} ${String(found.word).padStart(12)} ${wm.toFixed(2).padStart(10)} ${(wm / lm).toFixed(2).padStart(7)}`,
    );
  }
  const [lm, wm] = [median(all.literal), median(all.word)];
  console.log(
    `\nall queries: literal median ${lm.toFixed(2)} ms, word median ${wm.toFixed(2)} ms, ratio ${(wm / lm).toFixed(2)}`,
  );
  console.log(
    JSON.stringify({
      bench: 'ideas-search',
      kind,
      suggestions: rows.length,
      seedMs: database.seedMs,
      wordsMs,
      literalMs: lm,
      wordMs: wm,
      ratio: wm / lm,
      perQuery,
    }),
  );
} finally {
  await database.close();
}
