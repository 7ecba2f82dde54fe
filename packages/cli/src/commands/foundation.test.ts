import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { startServeProcess } from '../test-support/serve-process.js';

const folder = tempFolders('qx-cli-');

/**
 * Seeds the unit tree and its accounts into a new data folder, and, given `emptyCopy`, leaves there
 * a copy of the folder as it was migrated and still empty: a second database for a restore that
 * skips a second initdb and migration, which cost most of a test's time on a busy machine.
 */
async function seedUnitsAndUsers(dir: string, emptyCopy?: string) {
  const { createLogger, openDb, seedDemo } = await import('@qianxing/server');
  if (emptyCopy) {
    const made = await openDb({ dataDir: dir });
    try {
      await made.migrate();
    } finally {
      await made.close();
    }
    cpSync(dir, emptyCopy, { recursive: true });
  }
  const database = await openDb({ dataDir: dir });
  try {
    await database.migrate();
    const ctx = { db: database.db, principal: null, log: createLogger('warn'), requestId: 'seed' };
    await seedDemo({ ...ctx, sms: { name: 'none', send: async () => {} } }, { only: ['units', 'users'] });
  } finally {
    await database.close();
  }
}
const dataDir = folder();
const env = { QIANXING_DATA_DIR: dataDir, DATABASE_URL: '' };

// Each command here seeds or restores the whole demo district in a child process: tens of
// seconds on a busy machine.
describe('database commands on the embedded database', { timeout: 120_000 }, () => {
  it("seeds the demo district once and prints one account per role, two firms' staff and the inspectors", () => {
    const r = runCli(['seed'], { env });
    expect(r.status, r.stderr).toBe(0);
    // 15 accounts, and the 32 inspectors of eight departments who visit firms on their phones.
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(15 + 32);
    expect(r.stdout).toMatch(/^department_staff\tinspector\.sj1\t\S{16}$/m);
    expect(r.stdout).toMatch(/^admin\toffice\t\S{16}$/m);
    expect(r.stdout).toMatch(/^liaison\tcadre\t\S{16}$/m);
    expect(r.stdout).toMatch(/^enterprise\tfirm1\t\S{16}$/m);
    const again = runCli(['seed'], { env });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has users');
  });

  it('creates and resets users, refusing bad input with exit code 2', () => {
    const created = runCli(
      ['user', 'create', '--login', 'ops.admin', '--name', '运维管理员', '--role', 'admin'],
      { env },
    );
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/created ops\.admin \(admin\), password: \S{16}/);
    expect(runCli(['user', 'create', '--login', 'x1', '--name', 'x', '--role', 'king'], { env }).status).toBe(
      2,
    );
    expect(runCli(['user', 'create', '--login', 'ops.admin', '--name', 'x'], { env }).status).toBe(2);
    const reset = runCli(['user', 'reset', '--login', 'ops.admin'], { env });
    expect(reset.status).toBe(0);
    expect(runCli(['user', 'reset', '--login', 'nobody'], { env }).status).toBe(2);
  });

  it('resets the password of a disabled account and leaves it disabled, unless told --enable', async () => {
    const { openDb } = await import('@qianxing/server');
    const disabled = async (set?: boolean) => {
      const db = await openDb({ dataDir });
      try {
        if (set !== undefined)
          await db.db.execute(`update users set disabled = ${set} where login = 'firm1'`);
        const rows = (await db.db.execute(`select disabled from users where login = 'firm1'`)) as unknown as {
          rows: Array<{ disabled: boolean }>;
        };
        return rows.rows[0]!.disabled;
      } finally {
        await db.close();
      }
    };
    await disabled(true);
    const kept = runCli(['user', 'reset', '--login', 'firm1'], { env });
    expect(kept.status, kept.stderr).toBe(0);
    expect(await disabled()).toBe(true);
    const enabled = runCli(['user', 'reset', '--login', 'firm1', '--enable'], { env });
    expect(enabled.status, enabled.stderr).toBe(0);
    expect(enabled.stdout).toContain('enabled');
    expect(await disabled()).toBe(false);
  });

  it('refuses an unknown role before opening the database, so a new data folder is never made', () => {
    const fresh = join(folder(), 'data');
    const refused = runCli(['user', 'create', '--login', 'x1', '--name', 'x', '--role', 'king'], {
      env: { QIANXING_DATA_DIR: fresh, DATABASE_URL: '' },
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('unknown role king');
    expect(existsSync(fresh)).toBe(false);
  });

  it('verifies the audit chain, and names the row altered by hand', async () => {
    const ok = runCli(['verify-audit'], { env });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/audit chain ok: \d+ events sealed/);
    const { openDb } = await import('@qianxing/server');
    const db = await openDb({ dataDir });
    try {
      const rows = (await db.db.execute('select id from audit_events where seq = 3')) as unknown as {
        rows: Array<{ id: number }>;
      };
      const id = rows.rows[0]!.id;
      expect(id).toBeGreaterThan(0);
      await db.db.execute(`update audit_events set after = '{"forged":true}' where id = ${id}`);
    } finally {
      await db.close();
    }
    const broken = runCli(['verify-audit'], { env });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/audit chain broken at event id \d+ \(seq 3\)/);
  });

  it('backs up and restores through files', () => {
    const file = join(folder(), 'backup.jsonl.gz');
    expect(runCli(['backup', '--output', file], { env }).status).toBe(0);
    const other = { QIANXING_DATA_DIR: folder(), DATABASE_URL: '' };
    const restored = runCli(['restore', '--input', file], { env: other });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/restored \d+ rows/);
    expect(runCli(['restore', '--input', file], { env: other }).status).toBe(1);
  });

  it('refuses a second process on the same data folder, touching nothing', { timeout: 120_000 }, async () => {
    // A folder of its own with the unit tree and its accounts: backing up and restoring the whole
    // demo again, as the test before does, would add half a minute of CPU and no case.
    const small = { QIANXING_DATA_DIR: folder(), DATABASE_URL: '' };
    // The restore's database: migrated and empty, copied rather than made again from nothing.
    const other = { QIANXING_DATA_DIR: join(folder(), 'data'), DATABASE_URL: '' };
    await seedUnitsAndUsers(small.QIANXING_DATA_DIR, other.QIANXING_DATA_DIR);
    const server = await startServeProcess(small, []);
    try {
      const second = runCli(['serve', '--port', '0'], { env: small });
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`in use by another Qianxing process (pid ${server.child.pid})`);
      // A backup cannot open the folder either: the running server writes it, and keeps serving.
      const file = join(folder(), 'backup-running.jsonl.gz');
      const backup = runCli(['backup', '--output', file], { env: small });
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(
        /backed up \d+ rows of \d+ tables and \d+ files to .* \(written by the running server\)/,
      );
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const restored = runCli(['restore', '--input', file], { env: other });
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/restored [1-9]\d* rows/);
    } finally {
      await server.stop();
    }
  });
});
