import { asc, like } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { writeSheet } from '../../../excel/workbook.js';
import type { FileNames } from '../../../http/upload.js';
import { headedIn, type ImportColumn, type ImportLocale } from '../../../kernel/excel-import.js';
import type { ScorecardResult, ScorecardUnit } from '../contracts/scorecards.js';
import { canTarget } from '../policy.js';
import { targetScorecards } from '../schema.js';
import { unitOrNotFound } from './lookup.js';

const categoryWords = { department: '区级部门', town: '镇街', other: '其他' } as const;

/** The words a unit's evaluation sheet writes, in each language. */
const unitWords = {
  'zh-CN': {
    tier: { advanced: '先进', standard: '一般', rectify: '整改' },
    unreported: { not_submitted: '未报送', returned: '退回' },
    category: categoryWords,
    yes: '是',
    no: '否',
    sheet: (year: number) => `${year}年季度晾晒`,
  },
  en: {
    tier: { advanced: 'Advanced', standard: 'Standard', rectify: 'To rectify' },
    unreported: { not_submitted: 'Not submitted', returned: 'Returned' },
    category: { department: 'Departments', town: 'Towns and subdistricts', other: 'Other units' },
    yes: 'Yes',
    no: 'No',
    sheet: (year: number) => `${year} quarters`,
  },
} as const;
type UnitWords = (typeof unitWords)[ImportLocale];

async function publishedOfYear(ctx: ServiceContext, year: number) {
  const rows = await ctx.db
    .select()
    .from(targetScorecards)
    .where(like(targetScorecards.period, `${year}Q_`))
    .orderBy(asc(targetScorecards.period));
  return rows
    .filter((r) => r.status === 'published')
    .map((r) => ({ period: r.period, result: r.result as ScorecardResult }));
}

function find(
  result: ScorecardResult,
  unitId: string,
): { category: string; unit: ScorecardUnit } | undefined {
  for (const c of result.categories) {
    const unit = c.units.find((u) => u.unitId === unitId);
    if (unit) return { category: c.category, unit };
  }
  return undefined;
}

/**
 * One unit's published quarterly results of a year, in the columns the cadre assessment
 * system imports (考核系统): quarter, category, rank, score, tier, progress, lateness.
 */
export async function exportUnitEvaluation(
  ctx: ServiceContext,
  unitId: string,
  year: number,
): Promise<Buffer> {
  const unit = await unitOrNotFound(ctx.db, unitId);
  if (!canTarget(ctx.principal, 'plan.read', { unitPath: unit.path })) throw notFound('unit');
  const locale = ctx.locale ?? 'zh-CN';
  const words = unitWords[locale];
  const rows = (await publishedOfYear(ctx, year)).flatMap(
    ({ period, result }): Array<Record<string, unknown>> => {
      const hit = find(result, unitId);
      if (!hit) return unreportedRow(period, result, unitId, words);
      const u = hit.unit;
      return [
        {
          period,
          unitCode: u.unitCode,
          unitName: u.unitName,
          category: words.category[hit.category as keyof typeof categoryWords],
          rank: `${u.rank}/${u.categorySize}`,
          score: u.score,
          tier: words.tier[u.tier],
          progressed: u.progressed ? words.yes : words.no,
          catchUp: u.catchUpIndex,
          reported: `${u.reported}/${u.planned}`,
          late: u.late ? words.yes : words.no,
        },
      ];
    },
  );
  return writeSheet(words.sheet(year), headedIn(evaluationColumns, locale), rows);
}

/** A quarter the unit was not ranked in: its status (未报送 / 退回) in the tier column, no score. */
function unreportedRow(
  period: string,
  result: ScorecardResult,
  unitId: string,
  words: UnitWords,
): Array<Record<string, unknown>> {
  for (const c of result.categories) {
    const u = c.unreported?.find((x) => x.unitId === unitId);
    if (!u) continue;
    return [
      {
        period,
        unitCode: u.unitCode,
        unitName: u.unitName,
        category: words.category[c.category],
        rank: '—',
        score: null,
        tier: words.unreported[u.status],
        progressed: words.no,
        catchUp: null,
        reported: '—',
        late: words.no,
      },
    ];
  }
  return [];
}

// The unit's code stays: the assessment system matches the rows to its units by it.
const evaluationColumns: ImportColumn[] = [
  { key: 'period', header: '季度', headerEn: 'Quarter', width: 10 },
  { key: 'unitCode', header: '单位编码', headerEn: 'Unit code', width: 12 },
  { key: 'unitName', header: '单位名称', headerEn: 'Unit', width: 24 },
  { key: 'category', header: '类别', headerEn: 'Category', width: 10 },
  { key: 'rank', header: '排名', headerEn: 'Rank', width: 10 },
  { key: 'score', header: '得分', headerEn: 'Score', width: 10 },
  { key: 'tier', header: '等次', headerEn: 'Tier', width: 12 },
  { key: 'progressed', header: '进步', headerEn: 'Progressed', width: 10 },
  { key: 'catchUp', header: '追赶指数', headerEn: 'Catch-up index', width: 14 },
  { key: 'reported', header: '已报/计划指标', headerEn: 'Reported / planned', width: 18 },
  { key: 'late', header: '逾期报送', headerEn: 'Reported late', width: 12 },
];

/**
 * The year in one sheet, in the reader's language: each unit by its name (never its internal code)
 * with its quarterly scores, mean score, best and worst tier counts, lateness, and the published
 * quarters it was not ranked in (未报送 or 退回, or no approved plan yet). Every unit a published
 * quarter ranks or lists as unreported has a row. The mean is over all the year's published
 * quarters, a quarter the unit was not ranked in counting 0, as the scoring rule counts an item
 * not reported (`missingActual: zero`): reporting one good quarter does not outrank reporting all.
 */
export async function exportYearSummary(ctx: ServiceContext, year: number): Promise<Buffer> {
  if (!canTarget(ctx.principal, 'evaluation.summary')) throw forbidden();
  const locale = ctx.locale ?? 'zh-CN';
  const quarters = await publishedOfYear(ctx, year);
  const byUnit = new Map<
    string,
    {
      name: string;
      category: string;
      scores: Record<string, number>;
      tiers: string[];
      late: number;
    }
  >();
  const entry = (unitId: string, name: string, category: string) => {
    const found = byUnit.get(unitId) ?? { name, category, scores: {}, tiers: [], late: 0 };
    byUnit.set(unitId, found);
    return found;
  };
  for (const { period, result } of quarters) {
    for (const c of result.categories) {
      for (const u of c.units) {
        const e = entry(u.unitId, u.unitName, c.category);
        e.scores[period.slice(4)] = u.score;
        e.tiers.push(u.tier);
        if (u.late) e.late++;
      }
      for (const u of c.unreported ?? []) entry(u.unitId, u.unitName, c.category);
    }
  }
  const rows = [...byUnit.values()].map((e) => {
    const scores = Object.values(e.scores);
    return {
      unitName: e.name,
      category: unitWords[locale].category[e.category as keyof typeof categoryWords],
      Q1: e.scores.Q1,
      Q2: e.scores.Q2,
      Q3: e.scores.Q3,
      Q4: e.scores.Q4,
      mean: quarters.length
        ? Math.round((scores.reduce((s, x) => s + x, 0) / quarters.length) * 100) / 100
        : null,
      unreported: quarters.length - scores.length,
      advanced: e.tiers.filter((t) => t === 'advanced').length,
      rectify: e.tiers.filter((t) => t === 'rectify').length,
      late: e.late,
    };
  });
  rows.sort((a, b) => (a.category ?? '').localeCompare(b.category ?? '') || (b.mean ?? 0) - (a.mean ?? 0));
  return writeSheet(summaryName(locale, year), headedIn(summaryColumns, locale), rows);
}

/** The sheet's name, and the name its file is offered under, in each language. */
const summaryName = (locale: ImportLocale, year: number) =>
  locale === 'en' ? `${year} summary` : `${year}年度汇总`;
export const summaryFileName = (year: number): FileNames => ({
  'zh-CN': `${year}年度晾晒汇总.xlsx`,
  en: `evaluation-summary-${year}.xlsx`,
});

const summaryColumns: ImportColumn[] = [
  { key: 'unitName', header: '单位名称', headerEn: 'Unit', width: 24 },
  { key: 'category', header: '类别', headerEn: 'Category', width: 10 },
  { key: 'Q1', header: '一季度', headerEn: 'Q1', width: 10 },
  { key: 'Q2', header: '二季度', headerEn: 'Q2', width: 10 },
  { key: 'Q3', header: '三季度', headerEn: 'Q3', width: 10 },
  { key: 'Q4', header: '四季度', headerEn: 'Q4', width: 10 },
  { key: 'mean', header: '年度平均分', headerEn: 'Mean score', width: 12 },
  { key: 'unreported', header: '未排名季度数', headerEn: 'Quarters not ranked', width: 12 },
  { key: 'advanced', header: '先进次数', headerEn: 'Times advanced', width: 10 },
  { key: 'rectify', header: '整改次数', headerEn: 'Times to rectify', width: 10 },
  { key: 'late', header: '逾期次数', headerEn: 'Times late', width: 10 },
];
