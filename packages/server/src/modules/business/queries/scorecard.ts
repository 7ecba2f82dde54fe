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
import { businessScorecardSettings } from '../schema.js';
import { latestClosedSurveys, type SurveyFigure } from './survey-results.js';

export const defaultScorecardSettings: ScorecardSettings = {
  deadlineWorkdays: 5,
  weights: { response: 0.3, resolution: 0.3, satisfaction: 0.4, survey: 0 },
  goodFrom: 85,
  poorBelow: 60,
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
  };
}

interface RequestRow {
  id: string;
  department: string;
  received_on: string;
  answered_on: string | null;
  resolved: boolean;
  rating: number | null;
}

/**
 * Every routed request as the core scorecard reads it (dates in China Standard Time):
 * - received: when it was last routed, i.e. when the department that holds it got it;
 * - answered: that department's first answer after then;
 * - resolved: the request is closed (answered and rated well, or rectified);
 * - rating: the firm's latest rating, unless an appeal the office upheld withdrew it.
 */
export async function scorecardRequests(db: Db): Promise<FirmRequest[]> {
  const first = officialCalendar.years[0] ?? 2020;
  const result = await db.execute(sql`
    with routed as (
      select e.request_id, max(e.created_at) as at
      from business_request_events e where e.kind = 'routed' group by e.request_id)
    select r.id, r.department_id as department,
      to_char(routed.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as received_on,
      (select to_char(min(a.created_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
         from business_answers a
         where a.request_id = r.id and a.department_id = r.department_id and a.kind = 'answer'
           and a.created_at >= routed.at) as answered_on,
      r.status = 'closed' as resolved,
      (select g.score from business_ratings g
         where g.request_id = r.id
           and not exists (select 1 from business_appeals p where p.rating_id = g.id and p.status = 'upheld')
         order by g.created_at desc limit 1) as rating
    from business_requests r join routed on routed.request_id = r.id
    where r.department_id is not null
      and routed.at >= make_timestamptz(${first}, 1, 1, 0, 0, 0, 'Asia/Shanghai')`);
  // Both drivers answer `{ rows }`; drizzle's type of a raw statement does not say so.
  const { rows } = result as unknown as { rows: RequestRow[] };
  return rows.map((r) => ({
    id: r.id,
    department: r.department,
    receivedOn: r.received_on,
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
