import { z } from '@hono/zod-openapi';
import { AuthorKind, CommentActions, ExportActions } from './contracts.js';
import { commentStatuses } from './schema.js';

/** A comment as the public sees it: the name masked. */
export const PublicComment = z
  .object({ id: z.uuid(), body: z.string(), name: z.string().nullable(), at: z.string() })
  .openapi('PublicComment');

export const CommentInput = z
  .object({
    body: z.string().trim().min(2).max(500),
    name: z.string().trim().min(1).max(20).optional(),
    townId: z.uuid().optional(),
  })
  .strict()
  .openapi('CommentInput');
export type CommentInput = z.infer<typeof CommentInput>;

export const CommentStatus = z.enum(commentStatuses).openapi('CommentStatus');

/** A comment as a screener sees it in the moderation queue. */
export const StaffComment = z
  .object({
    id: z.uuid(),
    suggestionId: z.uuid(),
    suggestionTitle: z.string(),
    /** Whether the public site shows the suggestion; moderators read it from the staff view either way. */
    suggestionPublic: z.boolean(),
    body: z.string(),
    name: z.string().nullable(),
    townId: z.uuid(),
    status: CommentStatus,
    reason: z.string().nullable(),
    at: z.string(),
    actions: CommentActions,
  })
  .openapi('StaffComment');

export const StaffCommentPage = z
  .object({ total: z.number().int(), items: z.array(StaffComment) })
  .openapi('StaffCommentPage');

export const CommentQuery = z.object({
  status: CommentStatus.default('pending'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ModerateInput = z
  .object({
    decision: z.enum(['publish', 'hide']),
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .openapi('ModerateInput');

export const SurveyQuestion = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, "-" or "_"'),
    text: z.string().trim().min(2).max(200),
    kind: z.enum(['single', 'multiple', 'text']),
    options: z.array(z.string().trim().min(1).max(60)).max(12),
    required: z.boolean(),
  })
  .strict()
  .openapi('SurveyQuestion');

export const SurveyAnswerInput = z
  .object({
    townId: z.uuid(),
    authorKind: AuthorKind,
    answers: z.record(z.string(), z.union([z.string().trim().max(500), z.array(z.string()).max(12)])),
  })
  .strict()
  .openapi('SurveyAnswerInput');
export type SurveyAnswerInput = z.infer<typeof SurveyAnswerInput>;

export const SurveyAnswerResult = z.object({ counted: z.boolean() }).openapi('SurveyAnswerResult');

export const SurveyResults = z
  .object({
    responses: z.number().int(),
    questions: z.array(
      z.object({
        code: z.string(),
        text: z.string(),
        kind: z.enum(['single', 'multiple', 'text']),
        answered: z.number().int(),
        options: z.array(z.object({ option: z.string(), count: z.number().int() })),
        /** The latest free-text answers (at most 50). */
        texts: z.array(z.string()),
      }),
    ),
    actions: ExportActions,
  })
  .openapi('SurveyResults');
export type SurveyResults = z.infer<typeof SurveyResults>;
