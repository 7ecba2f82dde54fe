import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { writeSheet } from '../../../excel/workbook.js';
import { headedIn } from '../../../kernel/excel-import.js';
import type { ReformLedgerFilters } from '../contracts.js';
import {
  choiceWord,
  ledgerColumns,
  ledgerName,
  pilotLevelChoices,
  pilotStatusChoices,
  sourceChoices,
  statusChoices,
  unitWords,
} from '../excel.js';
import { canReform } from '../policy.js';
import { loadLedger } from './ledger.js';
import { ledgerFilter } from './projects.js';

/**
 * The ledger (the projects its filters select, like the list on screen; all without them), today's
 * progress included, in the reader's language (headers and the
 * enumerated columns' words), so the import takes it back unchanged; every member of staff may take it.
 */
export async function exportLedger(ctx: ServiceContext, filters: ReformLedgerFilters = {}): Promise<Buffer> {
  if (!canReform(ctx.principal, 'ledger.read')) throw forbidden();
  const locale = ctx.locale ?? 'zh-CN';
  const ledger = await loadLedger(ctx.db);
  const unitWord = unitWords(ledger.units.values());
  return writeSheet(
    ledgerName[locale],
    headedIn(ledgerColumns, locale),
    ledger.projects.filter(ledgerFilter(ctx, filters)).map((p) => ({
      code: p.row.code,
      name: p.row.name,
      list: p.list.name,
      source: choiceWord(sourceChoices, p.row.source, locale),
      leadUnit: unitWord(p.lead),
      coUnits: p.coUnitIds
        .flatMap((id) => ledger.units.get(id) ?? [])
        .map(unitWord)
        .join('、'),
      startDate: p.row.startDate,
      endDate: p.row.endDate,
      goal: p.row.goal,
      pilotLevel: choiceWord(pilotLevelChoices, p.row.pilotLevel, locale),
      pilotStatus: choiceWord(pilotStatusChoices, p.row.pilotStatus, locale),
      milestones: `${p.summary.milestonesDone}/${p.summary.milestones}`,
      percent: `${(100 * p.progress).toFixed(1)}%`,
      status: choiceWord(statusChoices, p.summary.status, locale),
    })),
  );
}
