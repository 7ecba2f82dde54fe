import { z } from '@hono/zod-openapi';
import { isoDate } from '../../http/input.js';
import { PageQuery } from '../../http/route-helpers.js';

/** 百名干部联千企: the API's inputs and outputs, the one source of their types. */
export const VisitState = z.enum(['ok', 'dueSoon', 'overdue']).openapi('VisitState');
export type VisitState = z.infer<typeof VisitState>;
const text = (max: number) => z.string().trim().min(1).max(max);

export const LiaisonSettings = z
  .object({
    /** A paired firm is to be visited at least this often (calendar days). */
    visitEveryDays: z.number().int().min(7).max(366),
    /** A visit due within this many days is flagged as coming. */
    dueSoonDays: z.number().int().min(0).max(60),
  })
  .strict()
  .openapi('LiaisonSettings');
export type LiaisonSettings = z.infer<typeof LiaisonSettings>;

export const LiaisonQuery = PageQuery.extend({
  state: z.enum(['unpaired', 'ok', 'dueSoon', 'overdue']).optional(),
  cadreId: z.uuid().optional(),
  townId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});
export type LiaisonQuery = z.infer<typeof LiaisonQuery>;

export const LiaisonRow = z
  .object({
    firmId: z.uuid(),
    firmName: z.string(),
    townName: z.string(),
    industryName: z.string(),
    cadreId: z.uuid().nullable(),
    cadreName: z.string().nullable(),
    pairedOn: z.string().nullable(),
    lastVisitOn: z.string().nullable(),
    /** When the next visit is due; null for a firm no cadre looks after. */
    dueOn: z.string().nullable(),
    state: VisitState.nullable(),
    daysOverdue: z.number().int(),
    actions: z.object({ logVisit: z.boolean(), raise: z.boolean() }).openapi('LiaisonRowActions'),
  })
  .openapi('LiaisonRow');
export type LiaisonRow = z.infer<typeof LiaisonRow>;

export const CadreLoad = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unitName: z.string(),
    firms: z.number().int(),
    overdue: z.number().int(),
  })
  .openapi('CadreLoad');
export type CadreLoad = z.infer<typeof CadreLoad>;

export const LiaisonPage = z
  .object({
    total: z.number().int(),
    items: z.array(LiaisonRow),
    /** Over every firm in the caller's view, whatever the filter. */
    counts: z
      .object({
        firms: z.number().int(),
        unpaired: z.number().int(),
        ok: z.number().int(),
        dueSoon: z.number().int(),
        overdue: z.number().int(),
      })
      .openapi('LiaisonCounts'),
    cadres: z.array(CadreLoad),
    settings: LiaisonSettings,
    actions: z
      .object({ assign: z.boolean(), configure: z.boolean(), remind: z.boolean() })
      .openapi('LiaisonActions'),
  })
  .openapi('LiaisonPage');
export type LiaisonPage = z.infer<typeof LiaisonPage>;

export const ProposedPair = z
  .object({
    firmId: z.uuid(),
    firmName: z.string(),
    townName: z.string(),
    industryName: z.string(),
    cadreId: z.uuid(),
    /** The pairing exists already and is kept. */
    kept: z.boolean(),
  })
  .openapi('ProposedPair');

export const LiaisonProposal = z
  .object({ pairs: z.array(ProposedPair), cadres: z.array(CadreLoad) })
  .openapi('LiaisonProposal');
export type LiaisonProposal = z.infer<typeof LiaisonProposal>;

export const AssignInput = z
  .object({
    /** Each firm's cadre from now on; null ends the firm's pairing. */
    pairs: z
      .array(z.object({ firmId: z.uuid(), cadreId: z.uuid().nullable() }).strict())
      .min(1)
      .max(5000),
  })
  .strict()
  .openapi('AssignInput');
export type AssignInput = z.infer<typeof AssignInput>;

export const AssignResult = z
  .object({ paired: z.number().int(), ended: z.number().int(), unchanged: z.number().int() })
  .openapi('AssignResult');
export type AssignResult = z.infer<typeof AssignResult>;

const VisitIssueInput = z
  .object({
    title: text(80),
    body: text(2000),
    categoryCode: z.string().trim().min(1).max(24).optional(),
    /** Raise it as the firm's request in the same step (needs a category). */
    raise: z.boolean().default(false),
  })
  .strict();

export const VisitInput = z
  .object({
    visitedOn: isoDate(),
    attendees: text(500),
    topics: text(2000),
    issues: z.array(VisitIssueInput).max(20).default([]),
  })
  .strict()
  .openapi('VisitInput');
export type VisitInput = z.infer<typeof VisitInput>;

export const VisitView = z
  .object({
    id: z.uuid(),
    visitedOn: z.string(),
    cadreName: z.string(),
    attendees: z.string(),
    topics: z.string(),
    issues: z.array(
      z
        .object({
          title: z.string(),
          body: z.string(),
          categoryName: z.string().nullable(),
          requestId: z.uuid().nullable(),
        })
        .openapi('VisitIssue'),
    ),
  })
  .openapi('VisitView');
export type VisitView = z.infer<typeof VisitView>;

export const FirmLiaison = z
  .object({
    firmName: z.string(),
    cadreName: z.string().nullable(),
    visits: z.array(VisitView),
    actions: z.object({ logVisit: z.boolean() }).openapi('FirmLiaisonActions'),
  })
  .openapi('FirmLiaison');
export type FirmLiaison = z.infer<typeof FirmLiaison>;

export const RemindResult = z
  .object({ cadres: z.number().int(), firms: z.number().int() })
  .openapi('LiaisonRemindResult');
export type RemindResult = z.infer<typeof RemindResult>;
