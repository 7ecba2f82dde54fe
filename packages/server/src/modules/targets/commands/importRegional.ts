import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden } from '../../../errors.js';
import { type ImportSheet, RowReport, readShippedFile, runImport } from '../../../kernel/excel-import.js';
import { wordImportError } from '../../../kernel/excel-import-words.js';
import { type Provenance, regionalMetrics } from '../contracts/regional.js';
import { canTarget } from '../policy.js';
import { targetRegionalValues, targetRegions } from '../schema.js';

/** The whole municipality of Chongqing is a reference, not one of the Wuling central cities. */
const municipality = '500000';
const district = '500114';

export interface ParsedRegional {
  regions: Array<{ code: string; name: string; kind: 'wuling_city' | 'peer' | 'county' }>;
  values: Array<{ regionCode: string; year: number; metric: string; value: number; provenance?: Provenance }>;
}

/** The key columns every row needs; the metric columns are read where present, others ignored. */
const regionalSheet: ImportSheet = {
  columns: [
    { key: 'Sgnyea', header: 'Sgnyea' },
    { key: 'Ctnm_id', header: 'Ctnm_id' },
    { key: 'name_zh', header: 'name_zh' },
    ...Object.keys(regionalMetrics).map((key) => ({ key, header: key, required: false })),
  ],
};

/** The source gives the sector values in 万元; the report compares them in 亿元 like the GDP. */
const sectorValues = ['GDP_PrimInd', 'GDP_SecInd', 'GDP_TerInd'];
const toYi = (wan: number) => Math.round(wan / 100) / 100;

interface RegionalRow {
  region: ParsedRegional['regions'][number];
  /** The year as stored: `2020` and `2020.0` are one year. */
  year: number;
  values: ParsedRegional['values'];
}

/**
 * One CSMAR-style row (Sgnyea, Ctnm_id, name_zh, Gdpct01 …): its city and its metrics. An empty
 * or NA metric cell has no value; any other cell that is not a number is a row error
 * (`not_a_number`), never skipped as if it were empty.
 */
function regionalRow(r: Record<string, string>, row: number, report: RowReport): RegionalRow | undefined {
  const year = Number(r.Sgnyea);
  const id = String(Math.trunc(Number(r.Ctnm_id)));
  if (!Number.isInteger(year) || year < 1949 || year > 2100 || !/^\d{6}$/.test(id)) {
    report.add(row, null, 'bad_key', 'bad key');
    return undefined;
  }
  // A county-level code (not ending in 00) has no published dataset here: the office's own rows,
  // the district's (黔江区, 500114) among them, are entered values.
  const county = !id.endsWith('00');
  const code = id === district ? 'QJ' : `CN${id}`;
  const region = {
    code,
    name: (r.name_zh ?? code).slice(0, 100),
    kind: id === municipality ? ('peer' as const) : county ? ('county' as const) : ('wuling_city' as const),
  };
  const found = new Map<string, number>();
  for (const metric of Object.keys(regionalMetrics)) {
    const raw = r[metric];
    if (raw === undefined || raw === '' || raw === 'NA') continue;
    const value = Number(raw);
    if (Number.isFinite(value)) found.set(metric, sectorValues.includes(metric) ? toYi(value) : value);
    else report.add(row, metric, 'not_a_number', 'not a number');
  }
  // The source leaves the sector shares empty in some years but gives the sector values
  // (GDP_PrimInd/SecInd/TerInd, 万元): the share is then the sector's part of their sum.
  const sectors = ['GDP_PrimInd', 'GDP_SecInd', 'GDP_TerInd'].map((k) => Number(r[k] || Number.NaN));
  const total = sectors.reduce((a, b) => a + b, 0);
  if (Number.isFinite(total) && total > 0)
    ['Gdpct02', 'Gdpct03', 'Gdpct04'].forEach((metric, i) => {
      if (!found.has(metric)) found.set(metric, Math.round((sectors[i]! / total) * 10000) / 100);
    });
  const values = [...found].map(([metric, value]) => ({
    regionCode: code,
    year,
    metric,
    value,
    ...(county ? { provenance: 'entered' as const } : {}),
  }));
  return { region, year, values };
}

/**
 * A region's year given on an earlier row too is a row error (`duplicate_of_row`): which of the
 * two is meant cannot be told. Keyed as the rows are stored: the same year written two ways
 * (`2020`, `2020.0`) is still one row twice.
 */
function refuseRepeated(seen: Map<string, number>, parsed: RegionalRow, row: number, report: RowReport) {
  const key = `${parsed.region.code} ${parsed.year}`;
  const first = seen.get(key);
  if (first !== undefined)
    report.add(row, 'Sgnyea', 'duplicate_of_row', `duplicate of row ${first}`, { row: first });
  else seen.set(key, row);
}

function collect(rows: RegionalRow[]): ParsedRegional {
  const regions = new Map(rows.map((r) => [r.region.code, r.region]));
  return { regions: [...regions.values()], values: rows.flatMap((r) => r.values) };
}

/**
 * Reads a CSMAR-style CSV the server ships (the demo seed's fixture); a BOM is accepted. It is
 * read in this thread: it is small and trusted, and the seed runs before any request is served.
 * A bad or repeated row refuses the whole file, each problem named by row and column in the
 * message, as the import by hand refuses it: a repeated row would otherwise be written twice, the
 * later silently replacing the earlier.
 */
export async function parseRegionalCsv(text: string): Promise<ParsedRegional> {
  const report = new RowReport();
  const rows: RegionalRow[] = [];
  const seen = new Map<string, number>();
  for (const { values, row } of await readShippedFile({ csv: text }, regionalSheet)) {
    const parsed = regionalRow(values, row, report);
    if (!parsed) continue;
    refuseRepeated(seen, parsed, row, report);
    rows.push(parsed);
  }
  try {
    report.throwIfAny();
  } catch (error) {
    throw error instanceof AppError ? wordImportError(error, regionalSheet.columns, 'en') : error;
  }
  return collect(rows);
}

/** Upserts regions and values; shared by the import command and the demo seed. */
export async function writeRegional(
  tx: Tx,
  parsed: ParsedRegional,
  source: string,
  isDemo: boolean,
  provenance: Provenance = isDemo ? 'generated' : 'real',
) {
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
    provenance: v.provenance ?? provenance,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insert(targetRegionalValues)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [targetRegionalValues.regionId, targetRegionalValues.year, targetRegionalValues.metric],
        set: {
          value: sql`excluded.value`,
          source: sql`excluded.source`,
          isDemo: sql`excluded.is_demo`,
          provenance: sql`excluded.provenance`,
        },
      });
}

/**
 * Regional values from a CSMAR-style CSV; a value already there is replaced, so a re-import
 * changes nothing. A region's year given on two rows is a row error (see refuseRepeated).
 */
export async function importRegional(ctx: ServiceContext, upload: () => Promise<string>, source: string) {
  if (!canTarget(ctx.principal, 'regional.write')) throw forbidden();
  const seen = new Map<string, number>();
  return runImport(
    ctx,
    { csv: await upload() },
    {
      sheet: regionalSheet,
      row(values, row, report) {
        const parsed = regionalRow(values, row, report);
        if (parsed) refuseRepeated(seen, parsed, row, report);
        return parsed;
      },
      prepare(rows) {
        const parsed = collect(rows);
        if (!parsed.values.length)
          throw new AppError('VALIDATION', 'no values in the file', [
            { path: 'file', message: 'empty', code: 'empty_file' },
          ]);
        return parsed;
      },
      async write(tx, _rows, parsed) {
        await writeRegional(tx, parsed, source, false);
        return {
          result: { regions: parsed.regions.length, values: parsed.values.length },
          audit: [
            {
              action: 'regional.import',
              entityType: 'regional',
              entityId: 'import',
              after: { source, regions: parsed.regions.map((r) => r.code), values: parsed.values.length },
            },
          ],
        };
      },
    },
  );
}
