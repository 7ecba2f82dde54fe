import { and, asc, count, desc, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { forbidden } from '../../errors.js';
import { refuseOversizeExport } from '../../excel/export-limit.js';
import { writeSheet } from '../../excel/workbook.js';
import type { FileNames } from '../../http/upload.js';
import { momentInChina } from '../../kernel/deadlines.js';
import { headedIn, type ImportColumn, type ImportLocale } from '../../kernel/excel-import.js';
import { maskNumbersInText } from '../../privacy.js';
import type { RequestExportQuery, RequestStatus, RequestSummary } from './contracts-requests.js';
import { mayEverRequest } from './policy.js';
import { requestConditions, requestOrder, summaries } from './queries/requests.js';
import { standingRating } from './requests/standing-rating.js';
import { businessAnswers, businessRequestEvents, businessRequests, isClosedStatus } from './schema.js';

/**
 * The export's columns, headed in the words staff use; the last two are what the list flags. A
 * due date counted through a year whose holidays are not loaded yet says so beside it, as the
 * list's provisional tag does.
 */
export const requestColumns: ImportColumn[] = [
  { key: 'title', header: '诉求标题', headerEn: 'Title', width: 36 },
  { key: 'firm', header: '企业名称', headerEn: 'Firm', width: 32 },
  { key: 'category', header: '诉求类别', headerEn: 'Category', width: 14 },
  { key: 'status', header: '办理状态', headerEn: 'Status', width: 12 },
  { key: 'department', header: '承办部门', headerEn: 'Department', width: 18 },
  { key: 'suggested', header: '推荐部门', headerEn: 'Suggested department', width: 18 },
  { key: 'submittedAt', header: '提交时间', headerEn: 'Submitted at', width: 20 },
  { key: 'dueOn', header: '答复期限', headerEn: 'Due', width: 12 },
  { key: 'dueProvisional', header: '期限暂定', headerEn: 'Provisional due date', width: 36 },
  { key: 'answeredAt', header: '答复时间', headerEn: 'Answered at', width: 20 },
  { key: 'closedAt', header: '办结时间', headerEn: 'Closed at', width: 20 },
  { key: 'late', header: '是否超期', headerEn: 'Late', width: 10 },
  { key: 'rating', header: '企业评价', headerEn: 'Firm’s rating', width: 16 },
  { key: 'deadline', header: '期限提醒', headerEn: 'Deadline', width: 20 },
  { key: 'pending', header: '待决事项', headerEn: 'Awaiting decision', width: 22 },
];

/** The words of the sheet's cells, as the requests page words them, in each language. */
const words: Record<
  ImportLocale,
  {
    sheet: string;
    status: Record<RequestStatus, string>;
    scores: Record<number, string>;
    yes: string;
    no: string;
    overdue: (days: number) => string;
    overdueNow: string;
    dueToday: string;
    daysLeft: (days: number) => string;
    provisional: (year: string) => string;
    pendingExtension: string;
    pendingAppeal: string;
    list: string;
  }
> = {
  'zh-CN': {
    sheet: '企业诉求',
    status: {
      submitted: '待分办',
      routed: '办理中',
      answered: '待评价',
      rectifying: '整改中',
      closed: '已办结',
      closed_unrated: '未评价办结',
    },
    scores: { 1: '非常不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' },
    yes: '是',
    no: '否',
    overdue: (days) => `已超期 ${days} 个工作日`,
    overdueNow: '已超期',
    dueToday: '今日到期',
    daysLeft: (days) => `剩余 ${days} 个工作日`,
    provisional: (year) => `暂定：${year} 年节假日安排尚未载入，暂按周一至周五计算`,
    pendingExtension: '延期待审批',
    pendingAppeal: '申诉待裁决',
    list: '、',
  },
  en: {
    sheet: 'Business requests',
    status: {
      submitted: 'Awaiting routing',
      routed: 'With the department',
      answered: 'Awaiting rating',
      rectifying: 'Rectifying',
      closed: 'Closed',
      closed_unrated: 'Closed unrated',
    },
    scores: { 1: 'Very dissatisfied', 2: 'Dissatisfied', 3: 'Neutral', 4: 'Satisfied', 5: 'Very satisfied' },
    yes: 'Yes',
    no: 'No',
    overdue: (days) => `Overdue by ${days} working day${days === 1 ? '' : 's'}`,
    overdueNow: 'Overdue',
    dueToday: 'Due today',
    daysLeft: (days) => `${days} working day${days === 1 ? '' : 's'} left`,
    provisional: (year) => `Provisional: the ${year} holidays are not loaded yet, counted Monday to Friday`,
    pendingExtension: 'Extension to decide',
    pendingAppeal: 'Appeal to decide',
    list: '; ',
  },
};

/** The name the workbook is offered under in each language. */
export const requestFileNames: FileNames = { 'zh-CN': '企业诉求.xlsx', en: 'business-requests.xlsx' };

/** The due date as the list's tag words it: overdue by some working days, due today, or days left. */
function deadlineWords(r: RequestSummary, w: (typeof words)[ImportLocale]): string {
  if (r.dueState === null || r.workdaysLeft === null) return '';
  if (r.dueState === 'overdue') return r.workdaysLeft < 0 ? w.overdue(-r.workdaysLeft) : w.overdueNow;
  return r.workdaysLeft === 0 ? w.dueToday : w.daysLeft(r.workdaysLeft);
}

const e = businessRequestEvents;
/**
 * The step that closed a request: a rating that is not bad (isBadScore), the rating period's end,
 * or an upheld appeal that withdrew the open rectification. An appeal decided after the request
 * closed (its rectification done and rated) is a later step, not its closing.
 */
const closingStep = sql`(${e.kind} = 'closed_unrated'
  or (${e.kind} = 'rated' and (${e.data}->>'score')::int > 2)
  or (${e.kind} = 'appeal_upheld' and exists (
    select 1 from business_appeals p join business_rectifications x on x.rating_id = p.rating_id
    where p.id = (${e.data}->>'appealId')::uuid and x.status = 'withdrawn')))`;

/**
 * Per request: its first answer's time, whether any answer came late, the rating it stands on (the
 * scorecard's: its latest answer's, unless set aside by an upheld appeal), when it closed.
 */
async function outcomes(ctx: ServiceContext, rows: ReadonlyArray<{ id: string; status: RequestStatus }>) {
  const ids = rows.map((r) => r.id);
  const closedIds = rows.filter((r) => isClosedStatus(r.status)).map((r) => r.id);
  const [answers, ratings, closings] = await Promise.all([
    ids.length
      ? ctx.db
          .select({
            requestId: businessAnswers.requestId,
            kind: businessAnswers.kind,
            onTime: businessAnswers.onTime,
            at: businessAnswers.createdAt,
          })
          .from(businessAnswers)
          .where(inArray(businessAnswers.requestId, ids))
          .orderBy(asc(businessAnswers.createdAt))
      : [],
    ids.length
      ? ctx.db
          // Named with its table: in a subquery a bare "id" would be the answer's.
          .select({ requestId: businessRequests.id, score: standingRating(sql`business_requests.id`) })
          .from(businessRequests)
          .where(inArray(businessRequests.id, ids))
      : [],
    closedIds.length
      ? ctx.db
          .selectDistinctOn([e.requestId], { requestId: e.requestId, at: e.createdAt })
          .from(e)
          .where(and(inArray(e.requestId, closedIds), closingStep))
          .orderBy(e.requestId, desc(e.seq))
      : [],
  ]);
  const answeredAt = new Map<string, Date>();
  const late = new Set<string>();
  for (const a of answers) {
    if (a.kind === 'answer' && !answeredAt.has(a.requestId)) answeredAt.set(a.requestId, a.at);
    if (!a.onTime) late.add(a.requestId);
  }
  const rating = new Map(ratings.filter((r) => r.score !== null).map((r) => [r.requestId, Number(r.score)]));
  const closedAt = new Map(closings.map((c) => [c.requestId, c.at]));
  return { answeredAt, late, rating, closedAt };
}

/**
 * 企业诉求导出: every request the actor's list shows for the same filters, in the list's order, as a
 * workbook in the reader's language: names and words, never ids or codes; times on China's clock;
 * numbers people type into a title (a phone, an ID number) masked.
 */
export async function exportRequests(ctx: ServiceContext, filters: RequestExportQuery): Promise<Buffer> {
  if (!mayEverRequest(ctx.principal, 'request.export')) throw forbidden();
  const locale = ctx.locale ?? 'zh-CN';
  const w = words[locale];
  const where = await requestConditions(ctx, filters);
  if (where) {
    const [matching] = await ctx.db.select({ n: count() }).from(businessRequests).where(where);
    refuseOversizeExport(matching?.n ?? 0);
  }
  const rows = where
    ? await ctx.db
        .select()
        .from(businessRequests)
        .where(where)
        .orderBy(...requestOrder)
    : [];
  const [listed, done] = await Promise.all([summaries(ctx, rows), outcomes(ctx, rows)]);
  return writeSheet(
    w.sheet,
    headedIn(requestColumns, locale),
    listed.map((r) => {
      const answeredAt = done.answeredAt.get(r.id);
      const closedAt = done.closedAt.get(r.id);
      const score = done.rating.get(r.id);
      const late = done.late.has(r.id) || r.dueState === 'overdue';
      return {
        title: maskNumbersInText(r.title),
        firm: r.firmName,
        category: r.categoryName,
        status: w.status[r.status],
        department: r.departmentName ?? '',
        suggested: r.departmentName ? '' : (r.suggestedDepartmentName ?? ''),
        submittedAt: momentInChina(new Date(r.createdAt)),
        dueOn: r.dueOn ?? '',
        // As the list's tag says it, with its reason: counted through a year not loaded yet.
        dueProvisional: r.dueProvisional !== null ? w.provisional(String(r.dueProvisional)) : '',
        answeredAt: answeredAt ? momentInChina(answeredAt) : '',
        closedAt: closedAt ? momentInChina(closedAt) : '',
        // A request not yet routed has no deadline to miss.
        late: r.status === 'submitted' ? '' : late ? w.yes : w.no,
        rating: score ? `${score} ${w.scores[score] ?? ''}`.trim() : '',
        deadline: deadlineWords(r, w),
        pending: [r.pendingExtension && w.pendingExtension, r.pendingAppeal && w.pendingAppeal]
          .filter(Boolean)
          .join(w.list),
      };
    }),
  );
}
