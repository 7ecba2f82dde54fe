import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import * as kit from '../../../kernel/attachments.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitsByIds } from '../../units/api.js';
import type { RequestActions, RequestDetail } from '../contracts-requests.js';

import { canRequest } from '../policy.js';
import { type LoadedRequest, loadRequest, requestResource } from '../requests/lookup.js';
import { ratingLastDay } from '../requests/rating-period.js';
import {
  businessAnswers,
  businessAppeals,
  businessExtensions,
  businessRatings,
  businessRectifications,
  businessRequestEvents,
  businessRequestRepeats,
  businessRequests,
  isClosedStatus,
  type RequestEventKind,
} from '../schema.js';
import { summaries } from './requests.js';
import { scorecardSettings } from './scorecard.js';

/** A request's files (the firm's attachments): the kernel's attachments, owned by the request. */
export const requestFileRules: kit.AttachmentRules = {
  area: 'business',
  kinds: [fileKinds.pdf, fileKinds.png, fileKinds.jpeg, fileKinds.docx, fileKinds.xlsx],
  actions: { add: 'requestFile.add', remove: 'requestFile.remove' },
  auditAs: { entityType: 'requestFile' },
  // A firm names a file after whoever it concerns (张三-13812345678.pdf).
  maskForAudit: kit.fileNameMaskedForAudit,
};
export const requestOwner = (id: string): kit.Owner => ({ kind: 'businessRequest', id });

const firmSteps: readonly RequestEventKind[] = ['raised', 'rated'];
/** Steps no one takes: the rating period ending closes the request (未评价办结). */
const systemSteps: readonly RequestEventKind[] = ['closed_unrated'];
const officeSteps: readonly RequestEventKind[] = [
  'routed',
  'extension_approved',
  'extension_refused',
  'appeal_upheld',
  'appeal_dismissed',
];

/**
 * Whether the actor reads the request as the district's staff (the office, the commission, the
 * department that holds it) rather than from the firm's side (its staff, its liaison cadre): the
 * office's notes to the department are for the staff alone.
 */
const readsAsStaff = (ctx: ServiceContext, l: LoadedRequest) =>
  canRequest(ctx.principal, 'request.read', { ...l.resource, member: false, paired: false });

/**
 * What a step's data holds for the district's staff alone: the discipline commission's reminders a
 * re-routing closed (routeRequest.ts). The firm's side reads the step without them.
 */
const staffOnlyData: ReadonlySet<string> = new Set(['remindersClosed']);

/** A step's data as the reader may see it: the supervision's fields left out for the firm's side. */
const stepData = (data: Record<string, unknown>, staff: boolean) =>
  staff ? data : Object.fromEntries(Object.entries(data).filter(([k]) => !staffOnlyData.has(k)));

/**
 * The firm's earlier request this one raises again, named only when the actor may read it (as
 * `loadRequest` decides): a department does not learn which requests went elsewhere.
 */
async function earlierRequest(ctx: ServiceContext, id: string) {
  const [earlier] = await ctx.db
    .select()
    .from(businessRequestRepeats)
    .innerJoin(businessRequests, eq(businessRequests.id, businessRequestRepeats.repeatOf))
    .where(eq(businessRequestRepeats.requestId, id));
  if (!earlier) return { repeated: false, repeatOf: null };
  const row = earlier.business_requests;
  const { resource } = await requestResource(ctx, row);
  const readable = canRequest(ctx.principal, 'request.read', resource);
  return { repeated: true, repeatOf: readable ? { id: row.id, title: row.title } : null };
}

type TimelineActor = RequestDetail['timeline'][number]['by'];

/** Who took a step, as a body: the firm, the office, the system, else the department. */
const stepActor = (kind: RequestEventKind): TimelineActor =>
  firmSteps.includes(kind)
    ? 'firm'
    : officeSteps.includes(kind)
      ? 'office'
      : systemSteps.includes(kind)
        ? 'system'
        : 'department';

/** What the actor may do now: the policy's answer, within what the request's state allows. */
function actionsOf(
  ctx: ServiceContext,
  l: LoadedRequest,
  pending: { ext: boolean; appealable: boolean; decidable: boolean; rectOpen: boolean; ratingOver: boolean },
): RequestActions {
  const can = (a: Parameters<typeof canRequest>[1]) => canRequest(ctx.principal, a, l.resource);
  const s = l.row.status;
  return {
    route: can('request.route') && (s === 'submitted' || s === 'routed'),
    answer: can('request.answer') && s === 'routed',
    askExtension: can('extension.ask') && (s === 'routed' || s === 'rectifying') && !pending.ext,
    // Not after the rating period's last day, though the hourly pass has not closed it yet.
    rate: can('request.rate') && s === 'answered' && !pending.ratingOver,
    recordVisit: can('rectification.record') && s === 'rectifying' && pending.rectOpen,
    rectify: can('rectification.record') && s === 'rectifying',
    appeal: can('rating.appeal') && pending.appealable,
    // An extension is decided only while the request still waits for an answer or a rectification.
    decide:
      (can('extension.decide') && pending.ext && (s === 'routed' || s === 'rectifying')) ||
      (can('appeal.decide') && pending.decidable),
    attach: can('request.raise') && !isClosedStatus(s),
  };
}

type Rows<T extends { $inferSelect: unknown }> = Array<T['$inferSelect']>;

/** Each answer with its rating, and the rating's appeal where the department made one. */
function answerViews(
  answers: Rows<typeof businessAnswers>,
  ratings: Rows<typeof businessRatings>,
  appeals: Rows<typeof businessAppeals>,
  unitMap: Map<string, { name: string }>,
): RequestDetail['answers'] {
  const appealOf = new Map(appeals.map((a) => [a.ratingId, a]));
  const ratingOf = new Map(ratings.map((r) => [r.answerId, r]));
  return answers.map((a) => {
    const r = ratingOf.get(a.id);
    const appeal = r ? appealOf.get(r.id) : undefined;
    return {
      id: a.id,
      kind: a.kind,
      departmentName: unitMap.get(a.departmentId)?.name ?? '',
      body: a.body,
      onTime: a.onTime,
      createdAt: a.createdAt.toISOString(),
      rating: r
        ? {
            id: r.id,
            score: r.score,
            comment: r.comment,
            createdAt: r.createdAt.toISOString(),
            appeal: appeal
              ? {
                  id: appeal.id,
                  status: appeal.status,
                  reason: appeal.reason,
                  decisionNote: appeal.decisionNote,
                }
              : null,
          }
        : null,
    };
  });
}

/** The last day of the rating period of the answer a request waits to have rated, if it waits. */
async function rateBy(ctx: ServiceContext, status: string, answeredAt: Date | undefined) {
  if (status !== 'answered' || !answeredAt) return null;
  return ratingLastDay(answeredAt, (await scorecardSettings(ctx.db)).ratingWorkdays);
}

/** One request with its whole timeline, answers and ratings, for whoever may read it. */
export async function getRequest(ctx: ServiceContext, id: string): Promise<RequestDetail> {
  const l = await loadRequest(ctx, id, 'request.read');
  const [events, answers, ratings, rects, exts, appeals, files] = await Promise.all([
    ctx.db
      .select()
      .from(businessRequestEvents)
      .where(eq(businessRequestEvents.requestId, id))
      .orderBy(asc(businessRequestEvents.seq)),
    ctx.db
      .select()
      .from(businessAnswers)
      .where(eq(businessAnswers.requestId, id))
      .orderBy(asc(businessAnswers.createdAt)),
    ctx.db.select().from(businessRatings).where(eq(businessRatings.requestId, id)),
    ctx.db
      .select()
      .from(businessRectifications)
      .where(eq(businessRectifications.requestId, id))
      .orderBy(asc(businessRectifications.createdAt)),
    ctx.db
      .select()
      .from(businessExtensions)
      .where(eq(businessExtensions.requestId, id))
      .orderBy(asc(businessExtensions.createdAt)),
    ctx.db.select().from(businessAppeals).where(eq(businessAppeals.requestId, id)),
    kit.listAttachments(ctx.db, requestOwner(id)),
  ]);
  const unitMap = await unitsByIds(
    ctx.db,
    [...events.map((e) => e.departmentId), ...answers.map((a) => a.departmentId)].filter(
      (x): x is string => !!x,
    ),
  );
  const appealOf = new Map(appeals.map((a) => [a.ratingId, a]));
  const [summary] = await summaries(ctx, [l.row]);
  const repeat = await earlierRequest(ctx, id);
  const bad = ratings.filter((r) => r.score <= 2 && !appealOf.has(r.id));
  const pending = {
    ext: exts.some((e) => e.status === 'pending'),
    appealable: bad.length > 0,
    decidable: appeals.some((a) => a.status === 'pending'),
    rectOpen: rects.some((r) => r.status === 'open' && !r.visitedOn),
  };
  const staff = readsAsStaff(ctx, l);
  const lastDay = await rateBy(ctx, l.row.status, answers.at(-1)?.createdAt);
  const routings = events.filter((e) => e.kind === 'routed');
  return {
    ...summary!,
    body: l.row.body,
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      by: stepActor(e.kind),
      departmentName: e.departmentId ? (unitMap.get(e.departmentId)?.name ?? null) : null,
      note: e.kind === 'routed' && !staff ? '' : e.note,
      data: stepData(e.data, staff),
      at: e.createdAt.toISOString(),
    })),
    answers: answerViews(answers, ratings, appeals, unitMap),
    rectifications: rects.map((r) => ({
      id: r.id,
      ratingId: r.ratingId,
      dueOn: r.dueOn,
      status: r.status,
      visitedOn: r.visitedOn,
      visitNote: r.visitNote,
    })),
    extensions: exts.map((e) => ({
      id: e.id,
      workdays: e.workdays,
      reason: e.reason,
      status: e.status,
      dueBefore: e.dueBefore,
      dueAfter: e.dueAfter,
      decisionNote: e.decisionNote,
    })),
    attachments: files,
    ...repeat,
    routingNote: staff ? routings.at(-1)?.note || null : null,
    rateBy: lastDay,
    actions: actionsOf(ctx, l, { ...pending, ratingOver: lastDay !== null && todayInChina() > lastDay }),
  };
}

/** The request is closed: it takes no more files (INVALID_STATE, `request_closed`). */
const requestClosed = () =>
  new AppError('INVALID_STATE', 'the request is closed', [
    { path: 'file', message: 'the request is closed', code: 'request_closed' },
  ]);

/**
 * Adds a file to the firm's own request while it is open. The state read before the upload is
 * read again in the write's transaction, holding the request's row: a rating or the rating
 * period's pass closing it meanwhile either waits for the file or refuses it.
 */
export async function addRequestFile(ctx: ServiceContext, id: string, upload: () => Promise<kit.Upload>) {
  const l = await loadRequest(ctx, id, 'request.raise');
  if (isClosedStatus(l.row.status)) throw requestClosed();
  return kit.addAttachment(ctx, requestOwner(id), requestFileRules, upload, async (tx) => {
    const [now] = await tx
      .select({ status: businessRequests.status })
      .from(businessRequests)
      .where(eq(businessRequests.id, id))
      .for('share');
    if (!now || isClosedStatus(now.status)) throw requestClosed();
  });
}

/** A request's file, to whoever may read the request. */
export async function readRequestFile(ctx: ServiceContext, fileId: string) {
  const file = await kit.findAttachment(ctx.db, fileId, requestOwner('').kind);
  await loadRequest(ctx, file.ownerId, 'request.read');
  return kit.readAttachment(file);
}
