import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db/transaction.js';
import { forbidden } from '../../errors.js';
import { type Column, writeSheet } from '../../excel/workbook.js';
import { runImport, type WorkbookBytes, type Written } from '../../kernel/excel-import.js';
import { type Indicator, IndicatorInput } from './contracts.js';
import { allIndicators } from './indicators.js';
import { canTarget } from './policy.js';
import { targetIndicators } from './schema.js';

export const indicatorColumns: Column[] = [
  { key: 'code', header: '指标编码' },
  { key: 'name', header: '指标名称', width: 32 },
  { key: 'measure', header: '计量单位', width: 10 },
  { key: 'direction', header: '方向', width: 10 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'source', header: '数据来源', width: 20 },
  { key: 'frequency', header: '频次', width: 10 },
];

/** Excel cells carry the Chinese words staff type; the API the English enum values. */
const directionWords: Record<string, string> = { 越高越好: 'higher', 越低越好: 'lower' };
const categoryWords: Record<string, string> = {
  经济: 'economy',
  社会: 'society',
  生态: 'environment',
  治理: 'governance',
};
const frequencyWords: Record<string, string> = { 月度: 'monthly', 季度: 'quarterly', 年度: 'yearly' };
const invert = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k]));
const directionOut = invert(directionWords);
const categoryOut = invert(categoryWords);
const frequencyOut = invert(frequencyWords);

export async function exportIndicators(ctx: ServiceContext): Promise<Buffer> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  const all = await allIndicators(ctx.db);
  return writeSheet(
    '指标库',
    indicatorColumns,
    all.map((i) => ({
      ...i,
      direction: directionOut[i.direction],
      category: categoryOut[i.category],
      frequency: frequencyOut[i.frequency],
    })),
  );
}

export const indicatorTemplate = () =>
  writeSheet('指标库', indicatorColumns, [
    {
      code: 'ECO-001',
      name: '地区生产总值',
      measure: '亿元',
      direction: '越高越好',
      category: '经济',
      source: '区统计局',
      frequency: '季度',
    },
  ]);

export interface IndicatorImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

type IndicatorRow = IndicatorInput;

/**
 * Imports by code, all or nothing: one bad row rejects the file with every problem listed. Known
 * codes are updated only where they differ, so the same file again changes nothing.
 */
export async function importIndicators(
  ctx: ServiceContext,
  upload: () => Promise<WorkbookBytes>,
): Promise<IndicatorImportReport> {
  if (!canTarget(ctx.principal, 'library.write')) throw forbidden();
  const seen = new Map<string, number>();
  return runImport(
    ctx,
    { xlsx: await upload() },
    {
      sheet: { columns: indicatorColumns },
      row(values, row, report): IndicatorRow | undefined {
        const result = IndicatorInput.safeParse({
          code: values.code,
          name: values.name,
          measure: values.measure,
          direction: directionWords[values.direction ?? ''] ?? values.direction,
          category: categoryWords[values.category ?? ''] ?? values.category,
          source: values.source ?? '',
          frequency: frequencyWords[values.frequency ?? ''] ?? (values.frequency || 'quarterly'),
        });
        if (!result.success) {
          for (const issue of result.error.issues) report.addIssue(row, issue);
          return undefined;
        }
        const first = seen.get(result.data.code);
        if (first) report.add(row, 'code', 'duplicate_of_row', `duplicate of row ${first}`, { row: first });
        seen.set(result.data.code, row);
        return result.data;
      },
      prepare: async () => new Map((await allIndicators(ctx.db)).map((i) => [i.code, i])),
      write: (tx, rows, existing) => writeIndicators(tx, rows, existing),
    },
  );
}

async function writeIndicators(
  tx: Tx,
  parsed: IndicatorRow[],
  existing: Map<string, Indicator>,
): Promise<Written<IndicatorImportReport>> {
  const fresh = parsed.filter((p) => !existing.has(p.code));
  const changed = parsed.filter((p) => {
    const old = existing.get(p.code);
    if (!old) return false;
    return (Object.keys(p) as Array<keyof typeof p>).some((k) => old[k] !== p[k]);
  });
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
