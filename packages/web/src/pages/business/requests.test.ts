import { describe, expect, it } from 'vitest';
import { type Answer, answerToRate, dueLabel, ratingToAppeal } from './requests';

const answer = (score: number | null, appealed = false): Answer => ({
  id: `a${score}`,
  kind: 'answer',
  departmentName: '区发展改革委',
  body: '答复',
  onTime: true,
  createdAt: '2026-01-05T02:00:00.000Z',
  rating:
    score === null
      ? null
      : {
          id: `r${score}`,
          score,
          comment: '',
          createdAt: '2026-01-06T02:00:00.000Z',
          appeal: appealed ? { id: 'p', status: 'pending', reason: '恶意', decisionNote: null } : null,
        },
});

describe('requests in the web app', () => {
  it('words a due date in working days, overdue in red and near in amber', () => {
    expect(dueLabel({ dueState: 'overdue', workdaysLeft: -3 })).toEqual({
      key: 'business.requests.overdue',
      days: 3,
      color: 'red',
    });
    // Due on a Friday and read on the Saturday: overdue, with no working day behind it yet.
    expect(dueLabel({ dueState: 'overdue', workdaysLeft: 0 })).toEqual({
      key: 'business.requests.overdueNow',
      days: 0,
      color: 'red',
    });
    expect(dueLabel({ dueState: 'due_soon', workdaysLeft: 0 })?.key).toBe('business.requests.dueToday');
    expect(dueLabel({ dueState: 'due_soon', workdaysLeft: 2 })?.color).toBe('orange');
    expect(dueLabel({ dueState: 'on_time', workdaysLeft: 5 })).toEqual({
      key: 'business.requests.daysLeft',
      days: 5,
      color: 'blue',
    });
    expect(dueLabel({ dueState: null, workdaysLeft: null })).toBeNull();
  });

  it('offers the latest unrated answer for rating, and only that', () => {
    expect(answerToRate({ answers: [answer(2), answer(null)] })?.id).toBe('anull');
    expect(answerToRate({ answers: [answer(2)] })).toBeUndefined();
    expect(answerToRate({ answers: [] })).toBeUndefined();
  });

  it('offers a bad rating for appeal once', () => {
    expect(ratingToAppeal({ answers: [answer(1), answer(4)] })?.score).toBe(1);
    expect(ratingToAppeal({ answers: [answer(1, true)] })).toBeUndefined();
    expect(ratingToAppeal({ answers: [answer(3)] })).toBeUndefined();
  });
});
