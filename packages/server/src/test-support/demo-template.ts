import { cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDb } from '../db/client.js';
import { filesRoot } from '../files/store.js';
import { seedDemo } from '../seed/demo.js';
import { createTestDatabase } from './db.js';
import { templateDatabase } from './pg-templates.js';
import { inboxSms, silentLog } from './quiet.js';

/** Seeds the demo district's modules `only` (all when not given) and answers each account's password. */
async function seedInto(database: Database, only?: readonly string[]): Promise<Record<string, string>> {
  const seeded = await seedDemo(
    { db: database.db, principal: null, log: silentLog, sms: inboxSms(), requestId: 'seed' },
    only ? { only } : {},
  );
  return Object.fromEntries((seeded ?? []).map((a) => [a.login, a.password]));
}

/**
 * This run's PostgreSQL template of the demo district's modules `seed` (all when not given), made
 * by the first test that asks for it, with each account's password; null on PGlite, or outside
 * the test run's global setup. The files the seed stores (photos, evidence) are in `files`.
 */
export async function demoTemplate(seed?: readonly string[]) {
  const base = process.env.DATABASE_URL;
  const prefix = base ? inject('pgTemplatePrefix') : undefined;
  if (!base || !prefix) return null;
  const name = `${prefix}${seed ? seed.join('_') || 'none' : 'all'}`;
  const files = join(tmpdir(), name);
  const accounts = await templateDatabase(base, name, async (url) => {
    const made = await openDb({ databaseUrl: url, poolSize: 5 });
    const own = process.env.QIANXING_DATA_DIR;
    process.env.QIANXING_DATA_DIR = files;
    try {
      await made.migrate();
      return await seedInto(made, seed);
    } finally {
      if (own === undefined) delete process.env.QIANXING_DATA_DIR;
      else process.env.QIANXING_DATA_DIR = own;
      await made.close();
    }
  });
  return { name, accounts, files: join(files, 'files') };
}

/**
 * A new database holding the demo district's modules `seed`: on PostgreSQL a copy of this run's
 * template of that seed, with its stored files copied into this process's data folder; else
 * migrated and seeded here.
 */
export async function seededDatabase(seed?: readonly string[]) {
  const template = await demoTemplate(seed);
  if (!template) {
    const database = await createTestDatabase();
    return { database, accounts: await seedInto(database, seed) };
  }
  if (existsSync(template.files)) cpSync(template.files, filesRoot(), { recursive: true });
  return { database: await createTestDatabase({ template: template.name }), accounts: template.accounts };
}
