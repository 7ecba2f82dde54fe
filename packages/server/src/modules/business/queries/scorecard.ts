import {
  type FirmRequest,
  foldSurvey,
  type MonthScorecard,
  prepareScorecards,
} from '@qianxing/core/business';
import { officialCalendar } from '@qianxing/core/calendar';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitsByIds } from '../../units/api.js';
import type {
  PublicScorecard,
  ScorecardLine,
  ScorecardSettings,
  ScorecardTier,
} from '../contracts-scorecard.js';
import { standingRating } from '../requests/standing-rating.js';
import { businessScorecardSettings } from '../schema.js';
import { latestClosedSurveys, type SurveyFigure } from './survey-results.js';

export const defaultScorecardSettings: ScorecardSettings = {
  deadlineWorkdays: 5,
  weights: { response: 0.3, resolution: 0.3, satisfaction: 0.4, survey: 0 },
  goodFrom: 85,
  poorBelow: 60,
  ratingWorkdays: 10,
};

export async function scorecardSettings(db: Db): Promise<ScorecardSettings> {
  const [row] = await db.select().from(businessScorecardSettings).limit(1);
  if (!row) return defaultScorecardSettings;
  return {
    deadlineWorkdays: row.deadlineWorkdays,
    weights: {
      response: row.weightResponse,
      resolution: row.weightResolution,
      satisfaction: row.weightSatisfaction,
      survey: row.weightSurvey,
    },
    goodFrom: row.goodFrom,
    poorBelow: row.poorBelow,
    ratingWorkdays: row.ratingWorkdays,
  };
}

interface RoutingRow {
  request_id: string;
  seq: string | number;
  department: string;
  received_on: string;
  due_on: string | null;
  next_on: string | null;
  answered_on: string | null;
  resolved: boolean;
  rating: number | null;
}

/**
 * Every routing of a request as the core scorecard reads it (dates in China Standard Time): each
 * department is judged on the time it held the request, so a re-route neither wipes the first
 * department's lateness nor charges the second with it.
 * - received: the day of the routing;
 * - due: the due date the routing step set, moved by the extensions approved for it before its
 *   answer (the request record's own due date, `dueOn`);
 * - answered: that department's first answer while it held the request;
 * - resolved and rating: the request's, for the department that holds it now; the rating is the
 *   firm's rating of the latest answer, unless an appeal the office upheld set it aside
 *   (`standingRating`). A request closed unrated (the firm let the rating period pass, also after
 *   a rectification it never rated) is resolved without a rating: it stays out of the satisfaction
 *   rate, and the bad rating that opened the rectification no longer counts.
 * A routing that ended in a re-route counts only when the department let its due date pass
 * first: then it counts, in the month it was due, as not answered on time and not resolved.
 * One re-routed in time counts for no one but the department that took it over.
 */
export async function scorecardRequests(db: Db): Promise<FirmRequest[]> {
  const first = officialCalendar.years[0] ?? 2020;
  const day = (at: ReturnType<typeof sql>) => sql`to_char(${at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const result = await db.execute(sql`
    with routings as (
      select e.request_id, e.seq, e.department_id, e.created_at as at, e.data->>'dueOn' as due_on,
        lead(e.created_at) over (partition by e.request_id order by e.seq) as next_at
      from business_request_events e where e.kind = 'routed' and e.department_id is not null),
    answered as (
      select rt.*,
        (select min(a.created_at) from business_answers a
           where a.request_id = rt.request_id and a.department_id = rt.department_id and a.kind = 'answer'
             and a.created_at >= rt.at and (rt.next_at is null or a.created_at < rt.next_at)) as answered_at
      from routings rt)
    select rt.request_id, rt.seq, rt.department_id as department,
      ${day(sql`rt.at`)} as received_on,
      coalesce(
        (select x.data->>'dueAfter' from business_request_events x
           where x.request_id = rt.request_id and x.kind = 'extension_approved'
             and x.department_id = rt.department_id and x.created_at >= rt.at
             and (rt.next_at is null or x.created_at < rt.next_at)
             and (rt.answered_at is null or x.created_at < rt.answered_at)
           order by x.seq desc limit 1),
        rt.due_on) as due_on,
      ${day(sql`rt.next_at`)} as next_on,
      ${day(sql`rt.answered_at`)} as answered_on,
      rt.next_at is null and r.status in ('closed', 'closed_unrated') as resolved,
      case when rt.next_at is null then ${standingRating(sql`r.id`)} end as rating
    from answered rt join business_requests r on r.id = rt.request_id
    where rt.at >= make_timestamptz(${first}, 1, 1, 0, 0, 0, 'Asia/Shanghai')`);
  // Both drivers answer `{ rows }`; drizzle's type of a raw statement does not say so.
  const { rows } = result as unknown as { rows: RoutingRow[] };
  return rows
    .filter((r) => r.next_on === null || (r.due_on !== null && r.next_on > r.due_on))
    .map((r) => ({
      // The routing that holds the request is known by the request's id; an earlier one by it and its step.
      id: r.next_on === null ? r.request_id : `${r.request_id}:${r.seq}`,
      department: r.department,
      receivedOn: r.received_on,
      ...(r.due_on ? { dueOn: r.due_on } : {}),
      answeredOn: r.answered_on,
      resolved: r.resolved,
      rating: r.rating === null ? null : Number(r.rating),
    }));
}

export const tierOf = (score: number | null, s: ScorecardSettings): ScorecardTier | null =>
  score === null ? null : score >= s.goodFrom ? 'good' : score < s.poorBelow ? 'poor' : 'fair';

/** Up to twelve months that have ended by `today`, oldest first, inside the calendar's years. */
export function endedMonths(today: string, count = 12): string[] {
  const months: string[] = [];
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  while (months.length < count) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    if (!officialCalendar.years.includes(year)) {
      if (year < (officialCalendar.years[0] ?? 0)) break;
      continue;
    }
    months.unshift(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

function lines(
  card: MonthScorecard,
  names: Map<string, string>,
  s: ScorecardSettings,
  surveys: Map<string, SurveyFigure>,
): ScorecardLine[] {
  return card.departments.map(({ department, ...line }) => ({
    departmentId: department,
    departmentName: names.get(department) ?? '',
    ...line,
    tier: tierOf(line.score, s),
    survey: surveys.get(department) ?? null,
  }));
}

/** The weights of the core scorecard's three rates (the survey's is folded in after). */
const threeRates = ({ weights: w }: ScorecardSettings) => ({
  response: w.response,
  resolution: w.resolution,
  satisfaction: w.satisfaction,
});

/** The last day of a month (YYYY-MM). */
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
};

/**
 * Each month's card with the latest survey closed by the month's end folded in (see
 * docs/methods.md): at the survey weight of 0, the default, the scores stay the three rates'.
 */
async function withSurveys(db: Db, months: string[], cards: MonthScorecard[], s: ScorecardSettings) {
  const figures = await latestClosedSurveys(db, months.map(monthEnd));
  const rates = threeRates(s);
  const weight = s.weights.survey;
  const folded = cards.map((card, i) => {
    const shares = new Map([...figures[i]!].map(([id, f]) => [id, f.satisfactionShare]));
    return foldSurvey(card, rates, weight, shares);
  });
  return { folded, figures };
}

/**
 * The published scorecard of `month` (the latest month that has ended, by default) with every
 * department's trend over the twelve ended months. Computed by the core's scorecard, the same
 * function `qianxing business scorecard` runs; only months that have ended are shown.
 */
export async function publicScorecard(
  db: Db,
  month?: string,
  today = todayInChina(),
): Promise<PublicScorecard> {
  const settings = await scorecardSettings(db);
  const months = endedMonths(today);
  if (month !== undefined && !months.includes(month))
    throw new AppError('VALIDATION', `${month} is not one of the twelve months that have ended`, [
      { path: 'month', message: 'not a month that has ended', code: 'month_not_ended' },
    ]);
  const scorer = prepareScorecards({
    deadlineWorkdays: settings.deadlineWorkdays,
    weights: threeRates(settings),
    requests: await scorecardRequests(db),
  });
  const { folded: cards, figures } = await withSurveys(
    db,
    months,
    months.map((m) => scorer.scorecard(m)),
    settings,
  );
  const shown = month ?? [...months].reverse().find((m) => scorer.months.includes(m)) ?? null;
  const ids = [...new Set(cards.flatMap((c) => c.departments.map((d) => d.department)))];
  const names = new Map([...(await unitsByIds(db, ids))].map(([id, u]) => [id, u.name]));
  const at = months.indexOf(shown ?? '');
  const card = cards[at];
  const trend = ids
    .map((id) => ({
      departmentId: id,
      departmentName: names.get(id) ?? '',
      scores: cards.map((c) => c.departments.find((d) => d.department === id)?.score ?? null),
    }))
    .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
  return {
    month: shown,
    months,
    settings,
    departments: card ? lines(card, names, settings, figures[at]!) : [],
    trend,
  };
}
