import { officialCalendar, type WorkCalendar } from '../calendar/index.js';
import { type PreparedRequests, prepareRequests } from './due-months.js';
import { parseScorecardInput, ScorecardInputError, type ScorecardIssue } from './errors.js';
import { rankDepartments } from './rank.js';
import {
  type DepartmentScore,
  type MonthScorecard,
  monthSchema,
  type ScorecardInput,
  type ScorecardRequests,
  type ScorecardRequestsInput,
  type ScorecardWeights,
  scorecardInputSchema,
  scorecardRequestsSchema,
} from './schema.js';

export interface ScorecardOptions {
  /** The working-day calendar; the official one by default. */
  calendar?: WorkCalendar;
}

/** Scorecards of any number of months from requests whose due dates were computed once. */
export interface PreparedScorecards {
  /** The months some request is due in, ascending. */
  readonly months: readonly string[];
  /** The scorecard of `month` (YYYY-MM, in the calendar's years). */
  scorecard(month: string): MonthScorecard;
}

function describeYears(years: readonly number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return 'none';
  return last - first + 1 === years.length ? `${first}–${last}` : years.join(', ');
}

/** Why `month` cannot be scored, if it cannot: not YYYY-MM, or a year without calendar data. */
function monthIssue(
  month: unknown,
  calendar: WorkCalendar,
  path: (string | number)[],
): ScorecardIssue | null {
  const parsed = monthSchema.safeParse(month);
  if (!parsed.success) return { path, message: parsed.error.issues[0]?.message ?? 'a month as YYYY-MM' };
  const year = Number(parsed.data.slice(0, 4));
  if (calendar.years.includes(year)) return null;
  return { path, message: `${year} is outside the calendar's years (${describeYears(calendar.years)})` };
}

/** 100 × Σ weight × rate / Σ weight over the rates that are not null; null when that Σ weight is 0. */
export function weightedScore(
  weights: ScorecardWeights,
  responseRate: number,
  resolutionRate: number,
  satisfactionRate: number | null,
): number | null {
  let weighted = weights.response * responseRate + weights.resolution * resolutionRate;
  let total = weights.response + weights.resolution;
  if (satisfactionRate !== null) {
    weighted += weights.satisfaction * satisfactionRate;
    total += weights.satisfaction;
  }
  // weighted ≤ total holds in floating point too (each product and sum rounds monotonically and
  // every rate is ≤ 1), so dividing first keeps the score within 0..100; 100·w / w need not be 100.
  return total > 0 ? 100 * (weighted / total) : null;
}

const REQUESTS = 0;
const ON_TIME = 1;
const RESOLVED = 2;
const RATED = 3;
const SATISFIED = 4;
const TALLIES = 5;

function scoreMonth(prepared: PreparedRequests, weights: ScorecardWeights, month: string): MonthScorecard {
  const due = prepared.byDueMonth.get(month) ?? [];
  const tally = new Int32Array(prepared.departments.length * TALLIES);
  for (const i of due) {
    const at = prepared.department[i]! * TALLIES;
    const rating = prepared.rating[i]!;
    tally[at + REQUESTS]!++;
    tally[at + ON_TIME]! += prepared.onTime[i]!;
    tally[at + RESOLVED]! += prepared.resolved[i]!;
    if (rating > 0) tally[at + RATED]!++;
    if (rating >= 4) tally[at + SATISFIED]!++;
  }
  const lines: DepartmentScore[] = [];
  prepared.departments.forEach((department, d) => {
    const at = d * TALLIES;
    const requests = tally[at + REQUESTS]!;
    if (requests === 0) return;
    const onTime = tally[at + ON_TIME]!;
    const resolved = tally[at + RESOLVED]!;
    const rated = tally[at + RATED]!;
    const satisfied = tally[at + SATISFIED]!;
    const responseRate = onTime / requests;
    const resolutionRate = resolved / requests;
    const satisfactionRate = rated > 0 ? satisfied / rated : null;
    lines.push({
      department,
      requests,
      onTime,
      resolved,
      rated,
      satisfied,
      responseRate,
      resolutionRate,
      satisfactionRate,
      score: weightedScore(weights, responseRate, resolutionRate, satisfactionRate),
      rank: null,
    });
  });
  return { month, departments: rankDepartments(lines) };
}

function prepared(
  data: ScorecardRequests,
  calendar: WorkCalendar,
  issues: ScorecardIssue[],
): PreparedScorecards {
  const { prepared: requests, issues: found } = prepareRequests(
    data.requests,
    data.deadlineWorkdays,
    calendar,
  );
  issues.push(...found);
  if (issues.length > 0) throw new ScorecardInputError(issues);
  return {
    months: [...requests.byDueMonth.keys()].sort(),
    scorecard(month) {
      const issue = monthIssue(month, calendar, ['month']);
      if (issue) throw new ScorecardInputError([issue]);
      return scoreMonth(requests, data.weights, month);
    },
  };
}

/**
 * Validates the requests, computes every due date once and returns a scorer for any month:
 * for a trend chart, twelve months cost one pass over the requests plus one over each
 * month's own requests.
 */
export function prepareScorecards(
  input: ScorecardRequestsInput,
  options: ScorecardOptions = {},
): PreparedScorecards {
  const data = parseScorecardInput(scorecardRequestsSchema, input);
  return prepared(data, options.calendar ?? officialCalendar, []);
}

/** The scorecards of `months`, in the order given; every bad month is reported at once. */
export function departmentScorecards(
  input: ScorecardRequestsInput,
  months: readonly string[],
  options: ScorecardOptions = {},
): MonthScorecard[] {
  const calendar = options.calendar ?? officialCalendar;
  const issues = months.flatMap((month, i) => monthIssue(month, calendar, ['months', i]) ?? []);
  if (issues.length > 0) throw new ScorecardInputError(issues);
  const scorer = prepareScorecards(input, options);
  return months.map((month) => scorer.scorecard(month));
}

/** The department scorecard (黔诚无忧) of `input.month`; see docs/methods/business.md. */
export function departmentScorecard(input: ScorecardInput, options: ScorecardOptions = {}): MonthScorecard {
  const calendar = options.calendar ?? officialCalendar;
  const data = parseScorecardInput(scorecardInputSchema, input);
  const issue = monthIssue(data.month, calendar, ['month']);
  return prepared(data, calendar, issue ? [issue] : []).scorecard(data.month);
}
