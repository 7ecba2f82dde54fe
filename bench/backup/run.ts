// Backup and restore of the whole demo district, against the 30 s ceiling of each.
// Run: npx tsx --conditions=source bench/backup/run.ts   (DATABASE_URL=… for PostgreSQL)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

// The file store lives in the data folder: a scratch one, before the server's modules load.
const scratch = mkdtempSync(join(tmpdir(), 'qx-bench-backup-'));
process.env.QIANXING_DATA_DIR = scratch;
// Removed however the run ends, with its backup file of the whole demo.
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const pino = (await import('pino')).default;
const { backupDatabase } = await import('../../packages/server/src/backup/backup.js');
const { restoreDatabase } = await import('../../packages/server/src/backup/restore.js');
const { seedDemo } = await import('../../packages/server/src/seed/demo.js');
const { createTestDatabase } = await import('../../packages/server/src/test-support/db.js');

const ceilingS = 30;
const backend = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (in memory)';
const source = await createTestDatabase();
const log = pino({ level: 'silent' });
const seeding = performance.now();
await seedDemo({ db: source.db, principal: null, log, sms: { name: 'none', send: async () => {} } });
console.log(
  `demo seeded on ${backend} in ${((performance.now() - seeding) / 1000).toFixed(1)} s (not timed)`,
);

const file = join(scratch, 'demo.jsonl.gz');
let start = performance.now();
const written = await backupDatabase(source, file);
const backupS = (performance.now() - start) / 1000;
await source.close();
const mb = statSync(file).size / 1e6;
console.log(
  `backup:  ${written.rows} rows of ${written.tables} tables, ${written.files} files, ${mb.toFixed(1)} MB in ${backupS.toFixed(1)} s (${(backupS / ceilingS).toFixed(2)} of ${ceilingS} s)`,
);

const target = await createTestDatabase();
start = performance.now();
const restored = await restoreDatabase(target, file, { filesRoot: join(scratch, 'restored-files') });
const restoreS = (performance.now() - start) / 1000;
await target.close();
console.log(
  `restore: ${restored.rows} rows, ${restored.files} files in ${restoreS.toFixed(1)} s (${(restoreS / ceilingS).toFixed(2)} of ${ceilingS} s)`,
);
console.log(
  JSON.stringify({
    backend,
    rows: written.rows,
    files: written.files,
    megabytes: Number(mb.toFixed(2)),
    backupSeconds: Number(backupS.toFixed(2)),
    restoreSeconds: Number(restoreS.toFixed(2)),
    backupRatioToCeiling: Number((backupS / ceilingS).toFixed(3)),
    restoreRatioToCeiling: Number((restoreS / ceilingS).toFixed(3)),
    withinCeiling: backupS <= ceilingS && restoreS <= ceilingS,
  }),
);
