import { z } from '@hono/zod-openapi';
import { planSteps } from '@qianxing/core/reforms';
import { isoDate } from '../../http/input.js';
import { doneShare, ProjectStatus, periodIssue, ReformProjectDeleteInput } from './contracts.js';

/** The zod side of the key battles (十大攻坚战) and the three-step plan. */
export const PlanStep = z.enum(planSteps).openapi('ReformPlanStep');

const inOrder = (p: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !p.startDate || !p.endDate || p.startDate <= p.endDate;

export const ReformPlanInput = z.object({ startDate: isoDate() }).strict().openapi('ReformPlanInput');

export const ReformPlan = z
  .object({
    startDate: z.string(),
    steps: z.array(z.object({ step: PlanStep, start: z.string(), end: z.string() })),
  })
  .openapi('ReformPlan');
export type ReformPlan = z.infer<typeof ReformPlan>;

const battleFields = {
  name: z.string().trim().min(2).max(60),
  goal: z.string().trim().max(2000).default(''),
  leadUnitId: z.uuid(),
  step: PlanStep,
  sort: z.number().int().min(0).max(1000).default(0),
};
export const ReformBattleInput = z.object(battleFields).strict().openapi('ReformBattleInput');
export type ReformBattleInput = z.infer<typeof ReformBattleInput>;
export const ReformBattlePatch = z
  .object({ ...battleFields, goal: z.string().trim().max(2000), sort: z.number().int().min(0).max(1000) })
  .partial()
  .strict()
  .openapi('ReformBattlePatch');
export type ReformBattlePatch = z.infer<typeof ReformBattlePatch>;

export const ReformBattlePhaseInput = z
  .object({
    name: z.string().trim().min(2).max(100),
    startDate: isoDate(),
    endDate: isoDate(),
    target: z.string().trim().max(500).default(''),
    /** 0..1; 1 is done. */
    progress: doneShare.default(0),
  })
  .strict()
  .refine(inOrder, periodIssue)
  .openapi('ReformBattlePhaseInput');
export const ReformBattlePhasesInput = z
  .object({ phases: z.array(ReformBattlePhaseInput).max(20) })
  .strict()
  .openapi('ReformBattlePhasesInput');
export type ReformBattlePhasesInput = z.infer<typeof ReformBattlePhasesInput>;

export const ReformBattleLinkInput = z.object({ id: z.uuid() }).strict().openapi('ReformBattleLinkInput');

/**
 * Deleting a battle or taking a suggestion off it: why, which the office must say when citizens'
 * suggestions are under it (their timelines and inboxes tell it); otherwise none. Optional body.
 */
export const ReformBattleWithdrawInput = ReformProjectDeleteInput.openapi('ReformBattleWithdrawInput');
export type ReformBattleWithdrawInput = z.infer<typeof ReformBattleWithdrawInput>;

export const ReformBattlePhase = z
  .object({
    name: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    target: z.string(),
    progress: z.number(),
  })
  .openapi('ReformBattlePhase');

export const ReformBattleProject = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), progress: z.number(), status: ProjectStatus })
  .openapi('ReformBattleProject');

export const AdoptedSuggestion = z
  .object({ id: z.uuid(), title: z.string(), supports: z.number().int() })
  .openapi('ReformAdoptedSuggestion');

/** A battle as the public timeline and the console show it. */
export const ReformBattle = z
  .object({
    id: z.uuid(),
    name: z.string(),
    goal: z.string(),
    leadUnitId: z.uuid(),
    leadUnit: z.string(),
    step: PlanStep,
    sort: z.number().int(),
    /** The mean of its phases' and projects' progress, 0..1 (docs/methods.md). */
    progress: z.number(),
    phases: z.array(ReformBattlePhase),
    projects: z.array(ReformBattleProject),
    suggestions: z.array(AdoptedSuggestion),
  })
  .openapi('ReformBattle');
export type ReformBattle = z.infer<typeof ReformBattle>;

export const ReformBattleList = z
  .object({
    plan: ReformPlan.nullable(),
    battles: z.array(ReformBattle),
    actions: z.object({ write: z.boolean() }).openapi('ReformBattleActions'),
  })
  .openapi('ReformBattleList');
export type ReformBattleList = z.infer<typeof ReformBattleList>;

export const PublicReformBattles = z
  .object({ plan: ReformPlan.nullable(), battles: z.array(ReformBattle) })
  .openapi('PublicReformBattles');
export type PublicReformBattles = z.infer<typeof PublicReformBattles>;

export const AdoptedSuggestionQuery = z.object({ q: z.string().trim().max(50).default('') });
