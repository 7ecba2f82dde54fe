import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { YearArrangement } from '@qianxing/core/calendar';
import type { Database } from '@qianxing/server';
import { scratchDatabase } from './scratch-db.js';

/**
 * A year past the built-in ones as the district office would load it (dates made up for the
 * tests): 1–3 January and 5–11 February off, Saturday 13 February worked.
 */
export const year2027: YearArrangement = {
  year: 2027,
  sources: [
    {
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      number: '国办发明电〔2026〕9号',
      issued: '2026-11-03',
      url: 'https://www.gov.cn/',
    },
  ],
  holidays: [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03', days: 3 },
    { name: '春节', start: '2027-02-05', end: '2027-02-11', days: 7 },
  ],
  workdays: [{ date: '2027-02-13', name: '春节' }],
};

/**
 * A migrated database of its own for commands that read the loaded calendar years, as the
 * command sees it through `env`: a new PostgreSQL database next to DATABASE_URL's when that is
 * set, else an embedded data folder. `load` and `unload` change its `calendar_years` directly, as
 * the console's saves would leave it, and without the console's checks, so that a test can store
 * a set that does not add up. `drop` removes the PostgreSQL database or the data folder.
 */
export async function databaseForLoadedYears(prefix: string) {
  const { openDb } = await import('@qianxing/server');
  const base = process.env.DATABASE_URL;
  const scratch = base ? await scratchDatabase(base, prefix) : undefined;
  const dataDir = scratch ? undefined : mkdtempSync(join(tmpdir(), `${prefix}-`));
  const open = () =>
    scratch ? openDb({ databaseUrl: scratch.url, poolSize: 1 }) : openDb({ dataDir: dataDir! });
  const using = async (fn: (database: Database) => Promise<unknown>) => {
    const database = await open();
    try {
      await fn(database);
    } finally {
      await database.close();
    }
  };
  await using((database) => database.migrate());
  const literal = (a: YearArrangement) => `'${JSON.stringify(a).replaceAll("'", "''")}'::jsonb`;
  return {
    env: scratch ? { DATABASE_URL: scratch.url } : { DATABASE_URL: '', QIANXING_DATA_DIR: dataDir },
    load: (...years: YearArrangement[]) =>
      using((database) =>
        database.db.execute(
          `insert into calendar_years (year, arrangement) values ${years.map((a) => `(${a.year}, ${literal(a)})`).join(', ')}`,
        ),
      ),
    unload: (year: number) =>
      using((database) => database.db.execute(`delete from calendar_years where year = ${year}`)),
    drop: async () => {
      await scratch?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
