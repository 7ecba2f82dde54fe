import {
  ahp,
  competitionRank,
  entropyWeights,
  greyRelationalAnalysis,
  minMaxColumn,
  ScoringInputError,
  topsis,
} from '@qianxing/core/scoring';
import { and, asc, gte, inArray, lte } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError, forbidden } from '../../../errors.js';
import {
  defaultMetrics,
  type MetricCode,
  type RegionalMethod,
  type RegionalReport,
  type RegionalReportQuery,
  regionalMetrics,
} from '../contracts/regional.js';
import { canTarget } from '../policy.js';
import { sourcesListed } from '../regional-source.js';
import { targetRegionalValues } from '../schema.js';
import { allRegions } from './regions.js';

/** Upper triangle (row by row) → full reciprocal matrix. */
function pairwise(upper: number[], n: number): number[][] {
  if (upper.length !== (n * (n - 1)) / 2)
    throw new AppError('VALIDATION', `AHP needs ${(n * (n - 1)) / 2} judgements for ${n} metrics`, [
      { path: 'ahp', message: 'wrong count', code: 'wrong_count' },
    ]);
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      m[i]![j] = upper[k]!;
      m[j]![i] = 1 / upper[k++]!;
    }
  return m;
}

function weightsFor(q: RegionalReportQuery, matrix: number[][], types: Array<1 | -1>) {
  const n = types.length;
  try {
    if (q.method === 'manual') {
      const w = q.weights ?? new Array<number>(n).fill(1);
      if (w.length !== n || !w.some((x) => x > 0))
        throw new AppError('VALIDATION', `give ${n} weights, at least one positive`, [
          { path: 'weights', message: 'wrong count', code: 'wrong_count' },
        ]);
      const total = w.reduce((s, x) => s + x, 0);
      return { weights: w.map((x) => x / total), consistency: null };
    }
    if (q.method === 'ahp') {
      const result = ahp({ matrix: pairwise(q.ahp ?? new Array<number>((n * (n - 1)) / 2).fill(1), n) });
      return { weights: result.priority, consistency: { cr: result.cr, consistent: result.consistent } };
    }
    return {
      weights: entropyWeights({ matrix, types, options: { input: 'minmax' } }).weights,
      consistency: null,
    };
  } catch (error) {
    if (error instanceof ScoringInputError)
      throw new AppError('VALIDATION', error.message, [{ path: q.method, message: error.message }]);
    throw error;
  }
}

/**
 * 跳出黔江看黔江: the district against its peers in a year. Weights by entropy, AHP or by hand;
 * composite index = 100 · Σ w_j z_ij on direction-aware min-max scores, or TOPSIS or GRA with entropy
 * weights; competition ranking.
 */
export async function regionalReport(ctx: ServiceContext, q: RegionalReportQuery): Promise<RegionalReport> {
  if (!canTarget(ctx.principal, 'regional.read')) throw forbidden();
  const metrics = [...new Set(q.metrics ?? defaultMetrics)] as MetricCode[];
  const all = await allRegions(ctx.db);
  const chosen = q.regions
    ? all.filter((r) => q.regions!.includes(r.id))
    : all.filter((r) =>
        q.level === 'county'
          ? r.kind === 'self' || r.kind === 'county'
          : r.kind === 'self' || r.kind === 'wuling_city',
      );
  if (!chosen.length) return empty(q, metrics);
  const from = q.from ?? q.year - 10;
  const { rows, value, provenance } = await loadValues(ctx, chosen, metrics, Math.min(from, q.year), q.year);
  const self = chosen.find((r) => r.kind === 'self');
  const demoIds = new Set(rows.filter((r) => r.isDemo).map((r) => r.regionId));
  const selfGenerated = self
    ? metrics.filter((m) => provenance.get(`${self.id}/${q.year}/${m}`) === 'generated')
    : [];
  const types = metrics.map((m) => regionalMetrics[m].direction as 1 | -1);
  const complete = chosen.filter((r) => metrics.every((m) => value.has(`${r.id}/${q.year}/${m}`)));
  const excluded = chosen
    .filter((r) => !complete.includes(r))
    .map((r) => ({
      regionId: r.id,
      regionName: r.name,
      missing: metrics.filter((m) => !value.has(`${r.id}/${q.year}/${m}`)),
    }));
  const matrix = complete.map((r) => metrics.map((m) => value.get(`${r.id}/${q.year}/${m}`)!));
  const base = empty(q, metrics);
  if (complete.length < 2) return { ...base, excluded, selfGenerated };
  const { weights, consistency } = weightsFor(q, matrix, types);
  const scores = scoresOf(q.method, matrix, types, weights);
  const ranks = competitionRank(scores);
  const selfIndex = complete.findIndex((r) => r.kind === 'self');
  const gaps = gapsOf(metrics, matrix, types, complete, selfIndex);
  const years = Array.from(
    { length: q.year - Math.min(from, q.year) + 1 },
    (_, i) => Math.min(from, q.year) + i,
  );
  return {
    ...base,
    weights,
    consistency,
    excluded,
    selfGenerated,
    rows: complete
      .map((r, i) => ({
        regionId: r.id,
        regionCode: r.code,
        regionName: r.name,
        kind: r.kind,
        isSelf: r.kind === 'self',
        values: matrix[i]!,
        provenance: metrics.map((m) => provenance.get(`${r.id}/${q.year}/${m}`)!),
        score: Math.round(scores[i]! * 100) / 100,
        rank: ranks[i]!,
      }))
      .sort((a, b) => a.rank - b.rank),
    gaps,
    trends: metrics.map((metric) => ({
      metric,
      series: chosen.map((r) => ({
        regionName: r.name,
        isSelf: r.kind === 'self',
        points: years.flatMap((y) => {
          const v = value.get(`${r.id}/${y}/${metric}`);
          return v === undefined ? [] : [[y, v] as [number, number]];
        }),
      })),
    })),
    // In the regions' own order: the rows come in no fixed order within a year.
    demoRegions: chosen.filter((c) => demoIds.has(c.id)).map((c) => c.name),
    sources: sourcesListed(
      rows.map((r) => r.source),
      ctx.locale ?? 'zh-CN',
    ),
  };
}

/**
 * Composite index on 0-100: TOPSIS closeness to the ideal, grey relational grade against the best
 * series, or else the weighted sum of direction-aware min-max scores.
 */
function scoresOf(method: RegionalMethod, matrix: number[][], types: Array<1 | -1>, weights: number[]) {
  try {
    if (method === 'topsis') return topsis({ matrix, weights, types }).closeness.map((x) => 100 * x);
    if (method === 'gra')
      return greyRelationalAnalysis({ matrix, weights, types }).grades.map((x) => 100 * x);
  } catch (error) {
    if (error instanceof ScoringInputError)
      throw new AppError('VALIDATION', error.message, [{ path: method, message: error.message }]);
    throw error;
  }
  const z = types.map((type, j) =>
    minMaxColumn(
      matrix.map((r) => r[j]!),
      type,
      1,
    ),
  );
  return matrix.map((_, i) => 100 * weights.reduce((s, w, j) => s + w * z[j]![i]!, 0));
}

/** The chosen regions' values from `from` to `year`, keyed region/year/metric, with their provenance. */
async function loadValues(
  ctx: ServiceContext,
  chosen: Array<{ id: string }>,
  metrics: MetricCode[],
  from: number,
  year: number,
) {
  const rows = await ctx.db
    .select()
    .from(targetRegionalValues)
    .where(
      and(
        inArray(
          targetRegionalValues.regionId,
          chosen.map((r) => r.id),
        ),
        inArray(targetRegionalValues.metric, metrics),
        gte(targetRegionalValues.year, from),
        lte(targetRegionalValues.year, year),
      ),
    )
    .orderBy(asc(targetRegionalValues.year));
  const key = (r: (typeof rows)[number]) => `${r.regionId}/${r.year}/${r.metric}`;
  return {
    rows,
    value: new Map(rows.map((r) => [key(r), r.value])),
    provenance: new Map(rows.map((r) => [key(r), r.provenance])),
  };
}

function empty(q: RegionalReportQuery, metrics: MetricCode[]): RegionalReport {
  return {
    year: q.year,
    method: q.method,
    metrics: metrics.map((code) => ({ code, ...regionalMetrics[code] })),
    weights: [],
    consistency: null,
    rows: [],
    excluded: [],
    gaps: [],
    trends: [],
    level: q.level,
    demoRegions: [],
    selfGenerated: [],
    sources: [],
  };
}

/** Each metric: the district's value against the best and the mean of the regions compared. */
function gapsOf(
  metrics: MetricCode[],
  matrix: number[][],
  types: Array<1 | -1>,
  complete: Array<{ name: string }>,
  selfIndex: number,
) {
  return metrics.map((metric, j) => {
    const column = matrix.map((r) => r[j]!);
    const sign = types[j]!;
    const bestIndex = column.reduce((b, x, i) => (sign * x > sign * column[b]! ? i : b), 0);
    const best = column[bestIndex]!;
    const mean = column.reduce((s, x) => s + x, 0) / column.length;
    const self = selfIndex >= 0 ? column[selfIndex]! : null;
    const rel = (to: number) => (self === null || to === 0 ? null : (self - to) / Math.abs(to));
    return {
      metric,
      self,
      best,
      bestRegion: complete[bestIndex]!.name,
      mean,
      gapToBest: rel(best),
      gapToMean: rel(mean),
      selfRank: self === null ? null : competitionRank(column.map((x) => sign * x))[selfIndex]!,
    };
  });
}
