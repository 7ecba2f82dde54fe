// The ceiling of the intake's own stack: a bare Hono app on @hono/node-server that parses the
// suggestions scenario's bodies with the same zod rules and inserts each into a table of its own
// with one statement, through a pg pool as large as the real server's. No session, throttle,
// text analysis, audit or logging: what the pipeline does beyond this is what the ratio prices.
// Run by the bench (ceiling scenario): DATABASE_URL=… node --import tsx bench/intake/ceiling-server.ts
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { z } from 'zod';
import { authorKinds } from '../../packages/server/src/modules/ideas/schema.js';

/** The real server's pool size (db/client.ts). */
const poolSize = 10;

const Input = z
  .object({
    title: z.string().trim().min(4).max(80),
    body: z.string().trim().min(10).max(5000),
    domain: z.string().trim().min(1).max(40).optional(),
    townId: z.uuid(),
    authorKind: z.enum(authorKinds),
    realName: z.string().trim().min(1).max(40).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/)
      .optional(),
  })
  .strict();

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: poolSize });
await pool.query(`create table if not exists bench_ceiling (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  body text not null,
  domain text,
  town_id uuid not null,
  author_kind text not null,
  real_name text,
  phone text,
  created_at timestamptz not null default now()
)`);

const app = new Hono().post('/submit', async (c) => {
  const parsed = Input.safeParse(await c.req.json().catch(() => null));
  if (!parsed.success) return c.json({ code: 'VALIDATION' }, 400);
  const s = parsed.data;
  const { rows } = await pool.query<{ id: string }>(
    `insert into bench_ceiling (title, body, domain, town_id, author_kind, real_name, phone)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [s.title, s.body, s.domain ?? null, s.townId, s.authorKind, s.realName ?? null, s.phone ?? null],
  );
  return c.json({ id: rows[0]!.id }, 201);
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`serving on http://localhost:${info.port}`);
});
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
