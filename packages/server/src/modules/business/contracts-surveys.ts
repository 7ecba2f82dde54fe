import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { isoDate } from '../../http/input.js';
import { respondentKinds, surveyAudiences, surveyStatuses } from './schema.js';

/** 千企万众评效能: the surveys' API, the one source of their types and of the document. */

export const SurveyStatus = z.enum(surveyStatuses).openapi('BusinessSurveyStatus');
export const SurveyAudience = z.enum(surveyAudiences).openapi('BusinessSurveyAudience');
export const RespondentKind = z.enum(respondentKinds).openapi('BusinessSurveyRespondentKind');

export const SurveyQuestion = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
    text: z.string().trim().min(2).max(60),
    textEn: z.string().trim().max(120).default(''),
  })
  .strict()
  .openapi('BusinessSurveyQuestion');
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

const questions = (min: number) =>
  z
    .array(SurveyQuestion)
    .min(min)
    .max(12)
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, {
      message: 'question ids repeat',
      params: { reason: 'duplicate_question' },
    });

export const SurveyDepartmentInput = z
  .object({ departmentId: z.uuid(), extraQuestions: questions(0).default([]) })
  .strict()
  .openapi('BusinessSurveyDepartmentInput');

/** An open survey's new last day: the one date that may change once it is open. */
export const SurveyEndInput = z.object({ closesOn: isoDate() }).strict().openapi('BusinessSurveyEndInput');
export type SurveyEndInput = z.infer<typeof SurveyEndInput>;

export const SurveyInput = z
  .object({
    title: z.string().trim().min(2).max(80),
    opensOn: isoDate(),
    closesOn: isoDate(),
    audience: SurveyAudience,
    questions: questions(1),
    departments: z
      .array(SurveyDepartmentInput)
      .min(1)
      .max(100)
      .refine((ds) => new Set(ds.map((d) => d.departmentId)).size === ds.length, {
        message: 'a department repeats',
        params: { reason: 'duplicate_department' },
      }),
  })
  .strict()
  .refine((s) => s.opensOn <= s.closesOn, {
    message: 'closes before it opens',
    path: ['closesOn'],
    params: { reason: 'closes_before_opens' },
  })
  // A department's extra question keyed as a common one could never be told apart in an answer.
  .refine(
    (s) => s.departments.every((d) => d.extraQuestions.every((x) => !s.questions.some((q) => q.id === x.id))),
    {
      message: 'an extra question repeats a common one',
      path: ['departments'],
      params: { reason: 'duplicate_question' },
    },
  )
  .openapi('BusinessSurveyInput');
export type SurveyInput = z.infer<typeof SurveyInput>;

export const SurveyDepartment = z
  .object({ departmentId: z.uuid(), departmentName: z.string(), extraQuestions: z.array(SurveyQuestion) })
  .openapi('BusinessSurveyDepartment');

/** A survey as its form shows it: what is asked of whom, about which departments. */
export const Survey = z
  .object({
    id: z.uuid(),
    title: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    audience: SurveyAudience,
    status: SurveyStatus,
    closedOn: z.string().nullable(),
    questions: z.array(SurveyQuestion),
    departments: z.array(SurveyDepartment),
  })
  .openapi('BusinessSurvey');
export type Survey = z.infer<typeof Survey>;

export const SurveyBrief = z
  .object({
    id: z.uuid(),
    title: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    audience: SurveyAudience,
    status: SurveyStatus,
    closedOn: z.string().nullable(),
    departments: z.number().int(),
    firms: z.number().int(),
    public: z.number().int(),
  })
  .openapi('BusinessSurveyBrief');
export type SurveyBrief = z.infer<typeof SurveyBrief>;

/** A survey a firm's staff see: open to firms, and whether their firm has answered it. */
export const FirmSurvey = SurveyBrief.extend({ answered: z.boolean() }).openapi('BusinessFirmSurvey');

const score = z.number().int().min(1).max(5);

export const SurveyDepartmentAnswer = z
  .object({
    departmentId: z.uuid(),
    /** Every question asked of the department, by id, scored 1 to 5. */
    scores: z.record(z.string().max(32), score),
    comment: z.string().trim().max(500).default(''),
  })
  .strict()
  .openapi('BusinessSurveyDepartmentAnswer');

export const SurveyAnswer = z
  .object({ departments: z.array(SurveyDepartmentAnswer).min(1).max(100) })
  .strict()
  .openapi('BusinessSurveyAnswer');
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

const phone = z.string().regex(limits.phone, 'a mainland mobile number of 11 digits');

export const SurveyCodeInput = z.object({ phone }).strict().openapi('BusinessSurveyCodeInput');

export const PublicSurveyAnswer = SurveyAnswer.extend({ phone, code: z.string().regex(/^\d{6}$/) })
  .strict()
  .openapi('BusinessPublicSurveyAnswer');
export type PublicSurveyAnswer = z.infer<typeof PublicSurveyAnswer>;

export const SurveyAnswered = z.object({ id: z.uuid() }).openapi('BusinessSurveyAnswered');

const mean = z.number().min(1).max(5).nullable();

/** One department's results: its means per question and overall, the share of 4s and 5s, who answered. */
export const SurveyDepartmentResult = z
  .object({
    departmentId: z.uuid(),
    departmentName: z.string(),
    questions: z.array(
      z.object({
        questionId: z.string(),
        text: z.string(),
        textEn: z.string(),
        mean,
        answers: z.number().int(),
      }),
    ),
    mean,
    satisfactionShare: z.number().min(0).max(1).nullable(),
    firms: z.number().int(),
    public: z.number().int(),
  })
  .openapi('BusinessSurveyDepartmentResult');
export type SurveyDepartmentResult = z.infer<typeof SurveyDepartmentResult>;

export const SurveyResults = z
  .object({
    survey: SurveyBrief,
    departments: z.array(SurveyDepartmentResult),
  })
  .openapi('BusinessSurveyResults');
export type SurveyResults = z.infer<typeof SurveyResults>;

export const PublicSurveys = z
  .object({ open: z.array(SurveyBrief), closed: z.array(SurveyBrief) })
  .openapi('BusinessPublicSurveys');
