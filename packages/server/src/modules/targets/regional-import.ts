import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import { type Tx, transaction } from '../../db/transaction.js';
import { AppError, forbidden } from '../../errors.js';
import { isStorableText, unstorableText } from '../../http/input.js';
import { canTarget } from './policy.js';
import { regionalMetrics } from './regional-contracts.js';
import { targetRegionalValues, targetRegions } from './schema.js';

export const regionalSource = 'eileenCHEN-9/PhD_2022_2025 (CSMAR-style prefecture statistics)';
/** The whole municipality of Chongqing is a reference, not one of the Wuling central cities. */
const municipality = '500000';

export interface ParsedRegional {
  regions: Array<{ code: string; name: string; kind: 'wuling_city' | 'peer' }>;
  values: Array<{ regionCode: string; year: number; metric: string; value: number }>;
}

/** Reads the CSMAR-style CSV (Sgnyea, Ctnm_id, name_zh, Gdpct01 …); a BOM is accepted. */
export function parseRegionalCsv(text: string): ParsedRegional {
  if (!isStorableText(text))
    throw new AppError('VALIDATION', 'the file holds text that cannot be stored', [unstorableText('file')]);
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch {
    throw new AppError('VALIDATION', 'the file is not a CSV with a header row', [
      { path: 'file', message: 'not csv', code: 'not_csv' },
    ]);
  }
  const first = records[0];
  if (!first || !('Sgnyea' in first) || !('Ctnm_id' in first) || !('name_zh' in first))
    throw new AppError('VALIDATION', 'missing columns Sgnyea, Ctnm_id, name_zh', [
      { path: 'header', message: 'missing columns', code: 'missing_columns' },
    ]);
  const regions = new Map<string, ParsedRegional['regions'][number]>();
  const values: ParsedRegional['values'] = [];
  records.forEach((r, k) => {
    const year = Number(r.Sgnyea);
    const id = String(Math.trunc(Number(r.Ctnm_id)));
    if (!Number.isInteger(year) || year < 1949 || year > 2100 || !/^\d{6}$/.test(id))
      throw new AppError('VALIDATION', `row ${k + 2}: bad year or city code`, [
        { path: `row ${k + 2}`, message: 'bad key', code: 'bad_key' },
      ]);
    const code = `CN${id}`;
    regions.set(code, {
      code,
      name: (r.name_zh ?? code).slice(0, 100),
      kind: id === municipality ? 'peer' : 'wuling_city',
    });
    const found = new Map<string, number>();
    for (const metric of Object.keys(regionalMetrics)) {
      const raw = r[metric];
      if (raw === undefined || raw === '' || raw === 'NA') continue;
      const value = Number(raw);
      if (Number.isFinite(value)) found.set(metric, value);
    }
    // The source leaves the sector shares empty in some years but gives the sector values
    // (GDP_PrimInd/SecInd/TerInd, 万元): the share is then the sector's part of their sum.
    const sectors = ['GDP_PrimInd', 'GDP_SecInd', 'GDP_TerInd'].map((k) => Number(r[k] || Number.NaN));
    const total = sectors.reduce((a, b) => a + b, 0);
    if (Number.isFinite(total) && total > 0)
      ['Gdpct02', 'Gdpct03', 'Gdpct04'].forEach((metric, i) => {
        if (!found.has(metric)) found.set(metric, Math.round((sectors[i]! / total) * 10000) / 100);
      });
    for (const [metric, value] of found) values.push({ regionCode: code, year, metric, value });
  });
  return { regions: [...regions.values()], values };
}

/** Upserts regions and values; shared by the import command and the demo seed. */
export async function writeRegional(tx: Tx, parsed: ParsedRegional, source: string, isDemo: boolean) {
  if (parsed.regions.length)
    await tx
      .insert(targetRegions)
      .values(parsed.regions.map((r, i) => ({ ...r, sort: 100 + i, isDemo })))
      .onConflictDoNothing({ target: targetRegions.code });
  const ids = new Map(
    (await tx.select({ id: targetRegions.id, code: targetRegions.code }).from(targetRegions)).map((r) => [
      r.code,
      r.id,
    ]),
  );
  const rows = parsed.values.map((v) => ({
    regionId: ids.get(v.regionCode)!,
    year: v.year,
    metric: v.metric,
    value: v.value,
    source,
    isDemo,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insert(targetRegionalValues)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [targetRegionalValues.regionId, targetRegionalValues.year, targetRegionalValues.metric],
        set: { value: sql`excluded.value`, source: sql`excluded.source` },
      });
}

export async function importRegional(ctx: ServiceContext, upload: () => Promise<string>, source: string) {
  if (!canTarget(ctx.principal, 'regional.write')) throw forbidden();
  const parsed = parseRegionalCsv(await upload());
  if (!parsed.values.length)
    throw new AppError('VALIDATION', 'no values in the file', [
      { path: 'file', message: 'empty', code: 'empty_file' },
    ]);
  await transaction(ctx.db, async (tx) => {
    await writeRegional(tx, parsed, source, false);
    await audit(tx, actor(ctx), {
      action: 'regional.import',
      entityType: 'regional',
      entityId: 'import',
      after: { source, regions: parsed.regions.map((r) => r.code), values: parsed.values.length },
    });
  });
  return { regions: parsed.regions.length, values: parsed.values.length };
}
