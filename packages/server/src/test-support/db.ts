import pg from 'pg';
import { type Database, openDb } from '../db/client.js';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or, when
 * DATABASE_URL is set, a new PostgreSQL database of its own that is dropped afterwards (a copy of
 * `template` when given: PostgreSQL only).
 */
export async function createTestDatabase(
  options: { migrate?: boolean; template?: string } = {},
): Promise<Database & { url?: string }> {
  // A copy of a template is migrated already.
  const migrate = (options.migrate ?? true) && options.template === undefined;
  const base = process.env.DATABASE_URL;
  if (!base) {
    const database = await openDb({ dataDir: 'memory://' });
    if (migrate) await database.migrate();
    return database;
  }
  const name = `qx_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}${options.template ? ` template ${options.template}` : ''}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDb({ databaseUrl: url.toString(), poolSize: 5 });
  if (migrate) await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
