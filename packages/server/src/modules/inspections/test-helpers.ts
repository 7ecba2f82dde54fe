import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { TestContext } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import { inspectionItems, inspectionTasks } from './schema.js';

/** Shared by the inspections integration tests. */
export const unitId = async (t: TestContext, code: string) => (await unitByCode(t.database.db, code))!.id;

export async function itemsOf(t: TestContext, code: string) {
  return t.database.db
    .select()
    .from(inspectionItems)
    .where(eq(inspectionItems.unitId, await unitId(t, code)));
}

export const taskCount = async (t: TestContext) =>
  (await t.database.db.select({ n: count() }).from(inspectionTasks))[0]!.n;

export { auditOf } from '../../test-support/audit-of.js';

const cliMain = join(import.meta.dirname, '..', '..', '..', '..', 'cli', 'bin', 'qianxing.js');

/**
 * Runs the real `qianxing verify-draw` on a draw's input and result, written to files as someone
 * who downloaded them would: the built CLI when it exists, else its sources (its own launcher).
 */
export function verifyWithCli(input: unknown, result: unknown): { status: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qianxing-draw-'));
  try {
    const inputFile = join(dir, 'input.json');
    const resultFile = join(dir, 'result.json');
    writeFileSync(inputFile, JSON.stringify(input));
    writeFileSync(resultFile, JSON.stringify(result));
    const r = spawnSync(
      process.execPath,
      [cliMain, 'verify-draw', '--input', inputFile, '--result', resultFile],
      {
        encoding: 'utf8',
      },
    );
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  } finally {
    // The command has exited: spawnSync waits for it.
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PNG's signature and a few bytes more: enough for the file store's type sniffing. */
export const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
