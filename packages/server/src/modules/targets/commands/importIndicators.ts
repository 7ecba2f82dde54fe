import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden } from '../../../errors.js';
import { RowReport, runImport, type WorkbookBytes, type Written } from '../../../kernel/excel-import.js';
import { type Indicator, IndicatorInput } from '../contracts/library.js';
import { indicatorSheet } from '../excel.js';
import { canTarget } from '../policy.js';
import { allIndicators } from '../queries/indicators.js';
import { targetIndicators } from '../schema.js';
import { directionInUse, directionLocked, holdIndicators } from './indicator-direction.js';

export interface IndicatorImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

type IndicatorRow = IndicatorInput;

/**
 * Imports by code, all or nothing: one bad row rejects the file with every problem listed. Known
 * codes are updated only where they differ, so the same file again changes nothing. A blank
 * frequency keeps a known indicator's own (a new one is quarterly); a changed direction is a row
 * error while a submitted or approved plan of a year still being scored uses the indicator
 * (indicator-direction.ts), checked before the transaction and again inside it.
 */
export async function importIndicators(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<IndicatorImportReport> {
  if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
  const seen = new Map<string, number>();
  const blankFrequency = new Set<string>();
  return runImport(
    ctx,
    { xlsx: await upload() },
    {
      sheet: indicatorSheet,
      row(values, row, report): IndicatorRow | undefined {
        const result = IndicatorInput.safeParse({
          code: values.code,
          name: values.name,
          measure: values.measure,
          direction: values.direction,
          category: values.category,
          source: values.source ?? '',
          frequency: values.frequency || 'quarterly',
        });
        if (!result.success) {
          for (const issue of result.error.issues) report.addIssue(row, issue);
          return undefined;
        }
        const first = seen.get(result.data.code);
        if (first) report.add(row, 'code', 'duplicate_of_row', `duplicate of row ${first}`, { row: first });
        seen.set(result.data.code, row);
        if (!values.frequency) blankFrequency.add(result.data.code);
        return result.data;
      },
      async prepare(rows, report) {
        const existing = new Map((await allIndicators(ctx.db)).map((i) => [i.code, i]));
        for (const p of rows) {
          const old = existing.get(p.code);
          if (old && blankFrequency.has(p.code)) p.frequency = old.frequency;
        }
        await refuseLockedFlips(ctx.db, rows, existing, seen, report);
        return existing;
      },
      async write(tx, rows, existing) {
        // Checked again in the transaction, the changed indicators held: a plan submitted since
        // the check above keeps its directions, and one submitted later waits for this import.
        await holdIndicators(
          tx,
          changedRows(rows, existing).map((p) => existing.get(p.code)!.id),
        );
        const report = new RowReport();
        await refuseLockedFlips(tx, rows, existing, seen, report);
        report.throwIfAny();
        return writeIndicators(tx, rows, existing);
      },
    },
  );
}

/** A row error (`direction_in_use`) for each row flipping the direction of an indicator a plan holds. */
async function refuseLockedFlips(
  db: Db,
  rows: IndicatorRow[],
  existing: Map<string, Indicator>,
  seen: Map<string, number>,
  report: RowReport,
): Promise<void> {
  const flipped = rows.filter((p) => {
    const old = existing.get(p.code);
    return old && old.direction !== p.direction;
  });
  const locked = await directionLocked(
    db,
    flipped.map((p) => existing.get(p.code)!.id),
  );
  for (const p of flipped) {
    const year = locked.get(existing.get(p.code)!.id);
    if (year !== undefined) {
      const { message } = directionInUse('direction', year);
      report.add(seen.get(p.code)!, 'direction', 'direction_in_use', message, { year });
    }
  }
}

/** The rows of known codes that change something of their indicator. */
const changedRows = (parsed: IndicatorRow[], existing: Map<string, Indicator>) =>
  parsed.filter((p) => {
    const old = existing.get(p.code);
    if (!old) return false;
    return (Object.keys(p) as Array<keyof typeof p>).some((k) => old[k] !== p[k]);
  });

async function writeIndicators(
  tx: Tx,
  parsed: IndicatorRow[],
  existing: Map<string, Indicator>,
): Promise<Written<IndicatorImportReport>> {
  const fresh = parsed.filter((p) => !existing.has(p.code));
  const changed = changedRows(parsed, existing);
  const report: IndicatorImportReport = {
    created: fresh.length,
    updated: changed.length,
    unchanged: parsed.length - fresh.length - changed.length,
  };
  if (fresh.length) await tx.insert(targetIndicators).values(fresh);
  for (const p of changed)
    await tx
      .update(targetIndicators)
      .set({ ...p, updatedAt: new Date() })
      .where(eq(targetIndicators.code, p.code));
  return {
    result: report,
    audit: [
      {
        action: 'indicator.import',
        entityType: 'indicator',
        entityId: 'import',
        before: changed.map((p) => existing.get(p.code)),
        after: { ...report, created: fresh.map((p) => p.code), updated: changed },
      },
    ],
  };
}
