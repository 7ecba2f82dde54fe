import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { privateFolder } from '../private-files.js';
import { lockDataDir } from './lock.js';
import { guardQueriesBesideTransactions } from './pglite-guard.js';

/**
 * A database or an open transaction: every query function takes this. Queries are written with
 * the query builder on imported tables, so the client needs no schema (and db/ imports no module).
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs the committed migrations not yet applied; returns the tag of the newest applied. */
  migrate(): Promise<string | null>;
  /** The tag of the newest applied migration, or null when none is. */
  appliedMigration(): Promise<string | null>;
  /** The connection pool's state, for metrics; PGlite has one connection and no pool. */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

interface Journal {
  entries: Array<{ idx: number; when: number; tag: string }>;
}

function journal(): Journal {
  return JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as Journal;
}

async function newestApplied(db: Db): Promise<string | null> {
  const result = await db.execute<{ created_at: string | number }>(
    'select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  const rows = (result as unknown as { rows: Array<{ created_at: string | number }> }).rows;
  const when = rows[0] ? Number(rows[0].created_at) : undefined;
  if (when === undefined) return null;
  return journal().entries.find((e) => e.when === when)?.tag ?? `unknown (${when})`;
}

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  /** A folder for PGlite, or 'memory://' for a throw-away database (tests). */
  dataDir?: string;
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in the data folder. */
export async function openDb(options: OpenDbOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server drops (a restart, an administrator's termination) has already
    // been discarded by the pool and the next query opens a new one; unheard, the pool's 'error'
    // event would end the process.
    pool.on('error', () => {});
    await pool.query('select 1');
    const db = drizzleNodePg({ client: pool }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      async migrate() {
        await migrateNodePg(db as never, { migrationsFolder });
        return newestApplied(db);
      },
      appliedMigration: () => newestApplied(db).catch(() => null),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      async close() {
        // end() resolves once every connection has been asked to close, not once each has: wait
        // for them too, so that nothing of this pool is connected when the caller goes on.
        const open = pool.totalCount;
        let closed = 0;
        const allClosed = new Promise<void>((resolve) => {
          if (open === 0) resolve();
          pool.on('remove', () => {
            if (++closed >= open) resolve();
          });
        });
        await pool.end();
        await allClosed;
      },
    };
  }
  const dataDir = options.dataDir ?? 'data';
  const inMemory = dataDir.startsWith('memory://');
  let release = () => {};
  if (!inMemory) {
    privateFolder(dataDir);
    release = lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = guardQueriesBesideTransactions(
      await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm } }),
    );
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
      return newestApplied(db);
    },
    appliedMigration: () => newestApplied(db).catch(() => null),
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
