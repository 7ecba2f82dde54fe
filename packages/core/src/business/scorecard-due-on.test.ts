import { describe, expect, it } from 'vitest';
import { prepareScorecards } from './index.js';

const weights = { response: 1, resolution: 0, satisfaction: 0 };

describe('a request with its own due date', () => {
  it('is judged on time by that date and counted in its month, not by the scorecard’s deadline', () => {
    // Received Fri 2025-10-10: five working days end on Thu 2025-10-16 (Sat 10-11 is a make-up
    // working day). An approved extension moved this one's due date to Thu 2025-10-23, and the
    // answer came on Wed 2025-10-22.
    const scorer = prepareScorecards({
      deadlineWorkdays: 5,
      weights,
      requests: [
        {
          id: 'R1',
          department: 'D1',
          receivedOn: '2025-10-10',
          dueOn: '2025-10-23',
          answeredOn: '2025-10-22',
          resolved: true,
          rating: null,
        },
        // A category with three days: due Wed 2025-10-29, answered Thu 2025-10-30, late (five
        // working days would have made it on time).
        {
          id: 'R2',
          department: 'D3',
          receivedOn: '2025-10-24',
          dueOn: '2025-10-29',
          answeredOn: '2025-10-30',
          resolved: true,
          rating: null,
        },
        // Without one, the deadline still applies: due 2025-10-16, answered 2025-10-20, late.
        {
          id: 'R3',
          department: 'D2',
          receivedOn: '2025-10-10',
          answeredOn: '2025-10-20',
          resolved: false,
          rating: null,
        },
      ],
    });
    const lines = new Map(scorer.scorecard('2025-10').departments.map((d) => [d.department, d]));
    expect(lines.get('D1')).toMatchObject({ requests: 1, onTime: 1 });
    expect(lines.get('D2')).toMatchObject({ requests: 1, onTime: 0 });
    expect(lines.get('D3')).toMatchObject({ requests: 1, onTime: 0 });
  });

  it('counts in the month its own due date falls in', () => {
    const scorer = prepareScorecards({
      deadlineWorkdays: 5,
      weights,
      requests: [
        {
          id: 'R1',
          department: 'D1',
          // Five working days would end on Mon 2025-10-27.
          receivedOn: '2025-10-20',
          dueOn: '2025-11-05',
          answeredOn: null,
          resolved: false,
          rating: null,
        },
      ],
    });
    expect(scorer.months).toEqual(['2025-11']);
  });

  it('refuses a due date that is not a date, naming the request', () => {
    expect(() =>
      prepareScorecards({
        deadlineWorkdays: 5,
        weights,
        requests: [
          {
            id: 'R1',
            department: 'D1',
            receivedOn: '2025-10-27',
            dueOn: '2025-11-31',
            answeredOn: null,
            resolved: false,
            rating: null,
          },
        ],
      }),
    ).toThrow(/dueOn/);
  });
});
