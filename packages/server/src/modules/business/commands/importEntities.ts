import type { AuditEntry } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { runImport, type WorkbookBytes } from '../../../kernel/excel-import.js';
import type { EntitiesImportReport } from '../contracts-projects.js';
import { type EntitiesRow, entitiesByMonth, entitiesColumns, parseEntitiesRow } from '../entities-sheet.js';
import { mayEverProject } from '../policy-projects.js';
import { businessMarketEntities } from '../schema.js';

/**
 * 新增市场主体 by Excel: one row per month, all or nothing. A new month is added, a known one
 * replaced where the count differs, so importing the same file again changes nothing; a bad
 * row or a month given twice rejects the file with a report naming each row and column.
 */
export async function importEntities(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<EntitiesImportReport> {
  if (!mayEverProject(ctx.principal, 'entities.set')) throw forbidden();
  const file = { xlsx: await upload() };
  let existing = new Map<string, number>();
  return runImport(ctx, file, {
    sheet: { columns: entitiesColumns, requireRows: true, maxRows: 1200 },
    row: parseEntitiesRow,
    async check(rows: EntitiesRow[], report) {
      const first = new Map<string, number>();
      for (const r of rows) {
        const seen = first.get(r.month);
        if (seen !== undefined)
          report.add(r.row, 'month', 'duplicate_of_row', `duplicate of row ${seen}`, { row: seen });
        else first.set(r.month, r.row);
      }
      existing = await entitiesByMonth(ctx.db);
    },
    async write(tx, rows) {
      const result: EntitiesImportReport = { created: 0, updated: 0, unchanged: 0 };
      const audit: AuditEntry[] = [];
      for (const r of rows) {
        const before = existing.get(r.month);
        if (before === r.count) {
          result.unchanged += 1;
          continue;
        }
        const values = {
          month: r.month,
          count: r.count,
          updatedBy: ctx.principal!.userId,
          updatedAt: new Date(),
        };
        await tx
          .insert(businessMarketEntities)
          .values(values)
          .onConflictDoUpdate({ target: businessMarketEntities.month, set: values });
        if (before === undefined) result.created += 1;
        else result.updated += 1;
        audit.push({
          action: 'entities.import',
          entityType: 'marketEntities',
          entityId: r.month,
          before: before === undefined ? undefined : { count: before },
          after: { count: r.count },
        });
      }
      return { result, audit };
    },
  });
}
