import { describe, expect, it } from 'vitest';
import { createWorkCalendar, officialArrangements } from '../calendar/index.js';
import {
  departmentScorecard,
  departmentScorecards,
  describeIssue,
  prepareScorecards,
  type ScorecardInput,
  ScorecardInputError,
} from './index.js';

const valid = (): ScorecardInput => ({
  month: '2025-10',
  deadlineWorkdays: 5,
  weights: { response: 0.3, resolution: 0.3, satisfaction: 0.4 },
  requests: [
    {
      id: 'R1',
      department: 'D1',
      receivedOn: '2025-09-26',
      answeredOn: '2025-10-09',
      resolved: true,
      rating: 4,
    },
    { id: 'R2', department: 'D2', receivedOn: '2025-10-24', answeredOn: null, resolved: false, rating: null },
  ],
});

/** The issues the scorecard refuses `input` with, as `field (request "id"): message` lines. */
function problems(
  input: unknown,
  run: (x: unknown) => unknown = (x) => departmentScorecard(x as ScorecardInput),
): string[] {
  try {
    run(input);
  } catch (error) {
    if (error instanceof ScorecardInputError) return error.issues.map(describeIssue);
    throw error;
  }
  throw new Error('the input was accepted');
}

const withRequest = (change: Record<string, unknown>) => {
  const input = valid();
  input.requests[1] = { ...input.requests[1]!, ...change } as never;
  return input;
};

describe('department scorecard input', () => {
  it('accepts the valid input', () => {
    expect(departmentScorecard(valid()).departments.map((d) => d.department)).toEqual(['D1', 'D2']);
  });

  it.each([
    ['receivedOn', '2025-02-29', 'a real date as YYYY-MM-DD'],
    ['receivedOn', '24/10/2025', 'a real date as YYYY-MM-DD'],
    ['answeredOn', '2025-10-32', 'a real date as YYYY-MM-DD'],
    ['rating', 6, 'from 1 to 5'],
    ['rating', 0, 'from 1 to 5'],
    ['rating', 4.5, 'a whole number from 1 to 5'],
    ['resolved', 'yes', 'true or false'],
    ['department', '', 'a non-empty text'],
  ])('names the field and the request: %s = %j', (field, value, message) => {
    expect(problems(withRequest({ [field]: value }))).toEqual([
      `requests[1].${field} (request "R2"): ${message}`,
    ]);
  });

  it('wants answeredOn and rating present, null when there is none', () => {
    const { rating: _, ...withoutRating } = valid().requests[1]!;
    const input = { ...valid(), requests: [valid().requests[0], withoutRating] };
    expect(problems(input)).toEqual([expect.stringMatching(/^requests\[1\]\.rating \(request "R2"\): /)]);
  });

  it('refuses a negative weight, a missing or unknown weight, and weights all 0', () => {
    const weights = (w: unknown) => ({ ...valid(), weights: w });
    expect(problems(weights({ response: 0.3, resolution: 0.3, satisfaction: -0.4 }))).toEqual([
      'weights.satisfaction: a number ≥ 0',
    ]);
    expect(problems(weights({ response: 0.3, resolution: 0.3 }))).toEqual([
      'weights.satisfaction: a number ≥ 0',
    ]);
    expect(problems(weights({ response: 1, resolution: 1, satisfaction: 1, speed: 1 }))).toEqual([
      'weights.speed: not a known field',
    ]);
    expect(problems(weights({ response: 0, resolution: 0, satisfaction: 0 }))).toEqual([
      'weights: at least one weight above 0',
    ]);
  });

  it('refuses a month that is not YYYY-MM or lies outside the calendar’s years', () => {
    const month = (m: string) => ({ ...valid(), month: m });
    expect(problems(month('2025-13'))).toEqual(['month: a month as YYYY-MM']);
    expect(problems(month('2025-1'))).toEqual(['month: a month as YYYY-MM']);
    expect(problems(month('2027-01'))).toEqual(["month: 2027 is outside the calendar's years (2020–2026)"]);
    expect(problems(month('2019-12'))).toEqual(["month: 2019 is outside the calendar's years (2020–2026)"]);
  });

  it('refuses a duplicate id, an answer before its request, and an unknown key at the top', () => {
    expect(problems(withRequest({ id: 'R1' }))).toEqual([
      'requests[1].id (request "R1"): the same id as requests[0]',
    ]);
    expect(problems(withRequest({ answeredOn: '2025-10-23' }))).toEqual([
      'requests[1].answeredOn (request "R2"): 2025-10-23 is before the request was received (2025-10-24)',
    ]);
    expect(problems({ ...valid(), threshold: 3 })).toEqual(['threshold: not a known field']);
    expect(problems({ ...valid(), deadlineWorkdays: -1 })).toEqual(['deadlineWorkdays: at least 0']);
  });

  it('names the position of a request that is not an object, and reports every problem at once', () => {
    const input = { ...valid(), requests: [null, { ...valid().requests[1], rating: 9, receivedOn: 'x' }] };
    expect(problems(input)).toEqual([
      'requests[0]: Invalid input: expected object, received null',
      'requests[1].receivedOn (request "R2"): a real date as YYYY-MM-DD',
      'requests[1].rating (request "R2"): from 1 to 5',
    ]);
  });

  it('refuses a request received in a year before the calendar: its due date is unknown', () => {
    expect(problems(withRequest({ receivedOn: '2019-12-30', answeredOn: null }))).toEqual([
      'requests[1].receivedOn (request "R2"): the due date cannot be computed: no official holiday data ' +
        "for 2019 (the calendar covers 2020–2026); load the year's State Council notice on the console's " +
        'working-day calendar page (工作日历), or add it to the built-in data',
    ]);
  });

  it('refuses a due date that runs into a year missing between covered years', () => {
    const years = officialArrangements.filter((a) => a.year !== 2025);
    const calendar = createWorkCalendar(years);
    const input = {
      ...valid(),
      month: '2024-12',
      requests: [{ ...valid().requests[0]!, receivedOn: '2024-12-30' }],
    };
    expect(problems(input, (x) => departmentScorecard(x as ScorecardInput, { calendar }))).toEqual([
      expect.stringContaining(
        'requests[0].receivedOn (request "R1"): the due date cannot be computed: no official holiday data for 2025',
      ),
    ]);
  });

  it('counts a request due after the calendar’s last year in no month, since no month there can be asked for', () => {
    // Received Mon 28 Dec 2026: the 5th working day is in 2027, which has no data yet.
    const input = { ...withRequest({ receivedOn: '2026-12-28', answeredOn: null }), month: '2026-12' };
    expect(departmentScorecard(input).departments).toEqual([]);
    const { month: _, ...requests } = input;
    expect(prepareScorecards(requests).months).toEqual(['2025-10']);
  });

  it('names the months of a many-month request that cannot be scored', () => {
    const { month: _, ...requests } = valid();
    expect(
      problems(requests, (x) => departmentScorecards(x as never, ['2025-10', '2027-01', 'Oct'])),
    ).toEqual([
      "months[1]: 2027 is outside the calendar's years (2020–2026)",
      'months[2]: a month as YYYY-MM',
    ]);
    expect(() => prepareScorecards(requests).scorecard('2031-01')).toThrow(ScorecardInputError);
  });
});
