import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';

/** The statistics the comparison report knows, by their CSMAR-style field code. */
export const regionalMetrics = {
  Gdpct01: { name: '地区生产总值', nameEn: 'GDP', measure: '亿元', direction: 1 },
  GDP_PerCapita: { name: '人均地区生产总值', nameEn: 'GDP per capita', measure: '元', direction: 1 },
  GDPYoY: { name: '地区生产总值增速', nameEn: 'GDP growth', measure: '%', direction: 1 },
  Gdpct02: { name: '第一产业占比', nameEn: 'Primary sector share', measure: '%', direction: -1 },
  Gdpct03: { name: '第二产业占比', nameEn: 'Secondary sector share', measure: '%', direction: 1 },
  Gdpct04: { name: '第三产业占比', nameEn: 'Tertiary sector share', measure: '%', direction: 1 },
  city_rgdp: {
    name: '实际地区生产总值（2010年价）',
    nameEn: 'Real GDP (2010 prices)',
    measure: '亿元',
    direction: 1,
  },
  // The sector values are 万元 in the source; the import turns them into 亿元 like the GDP.
  GDP_PrimInd: { name: '第一产业增加值', nameEn: 'Primary sector GDP', measure: '亿元', direction: 1 },
  GDP_SecInd: { name: '第二产业增加值', nameEn: 'Secondary sector GDP', measure: '亿元', direction: 1 },
  GDP_TerInd: { name: '第三产业增加值', nameEn: 'Tertiary sector GDP', measure: '亿元', direction: 1 },
  city_rgdppc: {
    name: '实际人均地区生产总值（2010年价）',
    nameEn: 'Real GDP per capita (2010 prices)',
    measure: '元',
    direction: 1,
  },
} as const satisfies Record<string, { name: string; nameEn: string; measure: string; direction: 1 | -1 }>;
export type MetricCode = keyof typeof regionalMetrics;
export const MetricCode = z
  .enum(Object.keys(regionalMetrics) as [MetricCode, ...MetricCode[]])
  .openapi('RegionalMetric');
/**
 * Defaults that every Wuling city has in 2015-2020 (恩施 lacks per-capita GDP and growth there).
 * All are benefit indicators except the primary share: a smaller farm share means a more developed
 * economy, so it is a cost indicator.
 */
export const defaultMetrics: MetricCode[] = [
  'Gdpct01',
  'city_rgdp',
  'GDP_PrimInd',
  'GDP_SecInd',
  'GDP_TerInd',
  'Gdpct02',
  'Gdpct03',
  'Gdpct04',
];

/** Where a value came from: the published prefecture dataset, the office, or generated for the demo. */
export const Provenance = z.enum(['real', 'entered', 'generated']).openapi('RegionalProvenance');
export type Provenance = z.infer<typeof Provenance>;

/**
 * How the composite index is made: a weighted sum of min-max scores with entropy, AHP or hand-set
 * weights, or TOPSIS closeness / grey relational grade, both with entropy weights.
 */
export const RegionalMethod = z.enum(['entropy', 'ahp', 'manual', 'topsis', 'gra']).openapi('RegionalMethod');
export type RegionalMethod = z.infer<typeof RegionalMethod>;

const split = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const list = z.string().max(2000).transform(split);
const numbers = z
  .string()
  .max(2000)
  .transform((s) => split(s).map(Number));

/** Query of the report (GET, so the same link opens the page, the HTML and the workbook). */
export const RegionalReportQuery = z.object({
  year: z.coerce.number().int().min(limits.regionalYear.min).max(limits.regionalYear.max).default(2020),
  method: RegionalMethod.default('entropy'),
  metrics: list.pipe(z.array(MetricCode).min(1).max(20)).optional(),
  /** Manual weights, one per metric, comma-separated. */
  weights: numbers
    .pipe(z.array(z.number().min(limits.regionalWeight.min).max(limits.regionalWeight.max)).min(1).max(20))
    .optional(),
  /** AHP: the upper triangle of the pairwise matrix row by row, comma-separated (e.g. 3,5,2 for n=3). */
  ahp: numbers
    .pipe(
      z
        .array(
          z
            .number()
            .min(1 / 9 - 1e-9)
            .max(9),
        )
        .min(1)
        .max(190),
    )
    .optional(),
  regions: list.pipe(z.array(z.uuid()).min(1).max(50)).optional(),
  /** The peers: the Wuling prefecture-level cities, or the county-level units of the gazetteer. */
  level: z.enum(['prefecture', 'county']).default('prefecture'),
  from: z.coerce.number().int().min(limits.regionalYear.min).max(limits.regionalYear.max).optional(),
});
export type RegionalReportQuery = z.infer<typeof RegionalReportQuery>;

export const RegionalRow = z
  .object({
    regionId: z.uuid(),
    regionCode: z.string(),
    regionName: z.string(),
    kind: z.string(),
    isSelf: z.boolean(),
    values: z.array(z.number()),
    /** One per value, in the same order. */
    provenance: z.array(Provenance),
    score: z.number(),
    rank: z.number().int(),
  })
  .openapi('RegionalRow');
export const RegionalGap = z
  .object({
    metric: MetricCode,
    self: z.number().nullable(),
    best: z.number(),
    bestRegion: z.string(),
    mean: z.number(),
    gapToBest: z.number().nullable(),
    gapToMean: z.number().nullable(),
    selfRank: z.number().int().nullable(),
  })
  .openapi('RegionalGap');
export const RegionalReport = z
  .object({
    year: z.number().int(),
    method: RegionalMethod,
    metrics: z.array(
      z.object({
        code: MetricCode,
        name: z.string(),
        nameEn: z.string(),
        measure: z.string(),
        direction: z.number().int(),
      }),
    ),
    weights: z.array(z.number()),
    consistency: z.object({ cr: z.number(), consistent: z.boolean() }).nullable(),
    rows: z.array(RegionalRow),
    excluded: z.array(z.object({ regionId: z.uuid(), regionName: z.string(), missing: z.array(MetricCode) })),
    gaps: z.array(RegionalGap),
    trends: z.array(
      z.object({
        metric: MetricCode,
        series: z.array(
          z.object({
            regionName: z.string(),
            isSelf: z.boolean(),
            points: z.array(z.tuple([z.number().int(), z.number()])),
          }),
        ),
      }),
    ),
    level: z.enum(['prefecture', 'county']),
    demoRegions: z.array(z.string()),
    /** The district's indicators whose value in the year is generated for the demo. */
    selfGenerated: z.array(MetricCode),
    sources: z.array(z.string()),
  })
  .openapi('RegionalReport');
export type RegionalReport = z.infer<typeof RegionalReport>;

/** The office's own figures for the district in a year, one per indicator; each is marked `entered`. */
export const RegionalSelfValues = z
  .object({
    /** A county-level peer; the district itself when left out. */
    regionId: z.uuid().optional(),
    year: z.number().int().min(limits.regionalYear.min).max(limits.regionalYear.max),
    values: z
      .array(
        z.object({
          metric: MetricCode,
          value: z.number().finite().min(limits.regionalFigure.min).max(limits.regionalFigure.max),
        }),
      )
      .min(1)
      .max(20)
      .refine((v) => new Set(v.map((x) => x.metric)).size === v.length, {
        message: 'each indicator once',
        params: { code: 'duplicate_metric' },
      }),
  })
  .openapi('RegionalSelfValues');
export type RegionalSelfValues = z.infer<typeof RegionalSelfValues>;
