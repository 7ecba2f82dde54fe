import { z } from '@hono/zod-openapi';
import { projectStages } from '@qianxing/core/business';
import { isoDate } from '../../http/input.js';
import { laterStages } from './schema-projects.js';

/** 招商引资 (part 8): the investment projects' API inputs and outputs, the one source of their types. */
export const ProjectStage = z.enum(projectStages).openapi('ProjectStage');
export type ProjectStage = z.infer<typeof ProjectStage>;
export const LaterStage = z.enum(laterStages as [string, ...string[]]).openapi('ProjectLaterStage');

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(500).default('');
/** 万元, whole; up to 10 000 亿元. */
const wan = z.number().int().min(1).max(100_000_000);

export const IndustrialChain = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    sort: z.number().int(),
    active: z.boolean(),
  })
  .openapi('IndustrialChain');
export type IndustrialChain = z.infer<typeof IndustrialChain>;

const chainFields = {
  name: z.string().trim().min(2).max(20),
  nameEn: z.string().trim().max(60),
  sort: z.number().int().min(0).max(9999),
  active: z.boolean(),
};
/** A new chain: its name; the code is made by the server. */
export const ChainInput = z
  .object({
    name: chainFields.name,
    nameEn: chainFields.nameEn.default(''),
    sort: chainFields.sort.optional(),
  })
  .strict()
  .openapi('IndustrialChainInput');
export type ChainInput = z.infer<typeof ChainInput>;
export const ChainUpdate = z.object(chainFields).partial().strict().openapi('IndustrialChainUpdate');
export type ChainUpdate = z.infer<typeof ChainUpdate>;
export const ChainParam = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,23}$/)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

const projectFields = {
  name: text(100),
  investor: text(100),
  /** The investing firm when it is in the registry. */
  firmId: z.uuid().nullable().default(null),
  amount: wan,
  chainCode: text(20),
  /** The service commissioner (服务专员): a staff account. */
  commissionerId: z.uuid(),
  /** The unit that leads the project's service, from the unit tree. */
  leadUnitId: z.uuid(),
  signedOn: isoDate(),
};

export const ProjectInput = z.object(projectFields).strict().openapi('ProjectInput');
export type ProjectInput = z.infer<typeof ProjectInput>;

export const ProjectPatch = z
  .object({
    name: projectFields.name.optional(),
    investor: projectFields.investor.optional(),
    firmId: z.uuid().nullable().optional(),
    amount: wan.optional(),
    chainCode: projectFields.chainCode.optional(),
    commissionerId: z.uuid().optional(),
    leadUnitId: z.uuid().optional(),
    signedOn: isoDate().optional(),
  })
  .strict()
  .openapi('ProjectPatch');
export type ProjectPatch = z.infer<typeof ProjectPatch>;

export const StageInput = z
  .object({ stage: LaterStage, reachedOn: isoDate(), note })
  .strict()
  .openapi('ProjectStageInput');
export type StageInput = z.infer<typeof StageInput>;

export const FundsInput = z
  .object({ receivedOn: isoDate(), amount: wan, note })
  .strict()
  .openapi('ProjectFundsInput');
export type FundsInput = z.infer<typeof FundsInput>;

export const MonthParam = z.object({
  month: z
    .string()
    .regex(/^20\d\d-(0[1-9]|1[0-2])$/)
    .openapi({ param: { name: 'month', in: 'path' }, example: '2026-01' }),
});
export const EntitiesInput = z
  .object({ count: z.number().int().min(0).max(1_000_000) })
  .strict()
  .openapi('MarketEntitiesInput');
export type EntitiesInput = z.infer<typeof EntitiesInput>;

const days = z.number().int().min(1).max(3650);
export const ProjectSettings = z
  .object({
    /** Days a project may wait for each next stage before it is flagged stalled. */
    stallDays: z
      .object({ registered: days, started: days, producing: days, effective: days })
      .strict()
      .openapi('ProjectStallDays'),
  })
  .strict()
  .openapi('ProjectSettings');
export type ProjectSettings = z.infer<typeof ProjectSettings>;

const StageDates = z
  .object({
    signed: z.string(),
    registered: z.string().nullable(),
    started: z.string().nullable(),
    producing: z.string().nullable(),
    effective: z.string().nullable(),
  })
  .openapi('ProjectStageDates');

export const ProjectView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    investor: z.string(),
    firmId: z.uuid().nullable(),
    firmName: z.string().nullable(),
    amount: z.number().int(),
    chainCode: z.string(),
    chainName: z.string(),
    commissionerId: z.uuid(),
    commissionerName: z.string(),
    leadUnitId: z.uuid(),
    leadUnitName: z.string(),
    signedOn: z.string(),
    stage: ProjectStage,
    stages: StageDates,
    /** Calendar days from signing to production; null before production. */
    landingDays: z.number().int().nullable(),
    stalled: z.object({ waitingFor: ProjectStage, days: z.number().int() }).nullable(),
    /** 万元 in place so far. */
    fundsInPlace: z.number().int(),
    actions: z
      .object({ update: z.boolean(), recordStage: z.boolean(), recordFunds: z.boolean() })
      .openapi('ProjectActions'),
  })
  .openapi('ProjectView');
export type ProjectView = z.infer<typeof ProjectView>;

export const ProjectList = z
  .object({
    items: z.array(ProjectView),
    asOf: z.string(),
    settings: ProjectSettings,
    actions: z.object({ create: z.boolean(), configure: z.boolean(), setEntities: z.boolean() }),
  })
  .openapi('ProjectList');
export type ProjectList = z.infer<typeof ProjectList>;

export const ProjectListQuery = z.object({
  /** Part of the project's or the investor's name. */
  q: z.string().trim().max(100).optional(),
  chainCode: z.string().optional(),
  stage: ProjectStage.optional(),
  stalled: z.enum(['true', 'false']).optional(),
});

export const ProjectDetail = ProjectView.extend({
  history: z.array(
    z.object({
      stage: ProjectStage,
      reachedOn: z.string(),
      note: z.string(),
      recordedByName: z.string().nullable(),
      recordedAt: z.string(),
      /** False for an entry a later one of the same stage corrected. */
      current: z.boolean(),
    }),
  ),
  funds: z.array(
    z.object({
      receivedOn: z.string(),
      amount: z.number().int(),
      cumulative: z.number().int(),
      note: z.string(),
    }),
  ),
}).openapi('ProjectDetail');
export type ProjectDetail = z.infer<typeof ProjectDetail>;

const Ytd = z.object({ value: z.number(), lastYear: z.number(), yoy: z.number().nullable() });
const MonthFigures = z
  .object({
    signedCount: z.number().int(),
    signedAmount: z.number().int(),
    funds: z.number().int(),
    entities: z.number().int().nullable(),
  })
  .openapi('InvestmentMonth');

export const InvestmentDashboard = z
  .object({
    year: z.number().int(),
    through: z.number().int(),
    months: z.array(MonthFigures),
    lastYearMonths: z.array(MonthFigures),
    ytd: z.object({ signedCount: Ytd, signedAmount: Ytd, funds: Ytd, entities: Ytd }),
    landing: z.object({
      baselineYear: z.number().int(),
      baselineDays: z.number().nullable(),
      /** The district's aim: the landing cycle cut by this percentage against the baseline. */
      targetCut: z.number(),
      periods: z.array(
        z.object({
          period: z.string(),
          projects: z.number().int(),
          medianDays: z.number().nullable(),
          change: z.number().nullable(),
        }),
      ),
    }),
    stalled: z.number().int(),
  })
  .openapi('InvestmentDashboard');
export type InvestmentDashboard = z.infer<typeof InvestmentDashboard>;

export const DashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  through: z.coerce.number().int().min(1).max(12).optional(),
  baselineYear: z.coerce.number().int().min(2000).max(2100).optional(),
  by: z.enum(['year', 'quarter']).optional(),
});

export const EntitiesImportReport = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .openapi('EntitiesImportReport');
export type EntitiesImportReport = z.infer<typeof EntitiesImportReport>;
