import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  assertMoved,
  availableSteps,
  checkTransition,
  defineWorkflow,
  sourcesOf,
  targetOf,
} from './workflow.js';

const review = defineWorkflow({
  name: 'plan',
  entity: 'targetPlan',
  states: ['draft', 'submitted', 'approved', 'returned'] as const,
  transitions: {
    submit: { from: ['draft', 'returned'], to: 'submitted' },
    approve: { from: ['submitted'], to: 'approved' },
    return: { from: ['submitted'], to: 'returned' },
  },
});

const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'none';
};

describe('workflow', () => {
  it('reads sources and targets from the declaration', () => {
    expect(sourcesOf(review, 'submit')).toEqual(['draft', 'returned']);
    expect(targetOf(review, 'return')).toBe('returned');
  });

  it.each([
    ['submit', 'draft', true, 'none'],
    ['submit', 'submitted', true, 'INVALID_STATE'],
    ['approve', 'submitted', false, 'FORBIDDEN'],
    // Forbidden comes first: the refusal does not reveal the state to one who may not act.
    ['approve', 'draft', false, 'FORBIDDEN'],
    ['approve', 'approved', true, 'INVALID_STATE'],
  ] as const)('%s from %s (may act: %s) → %s', (step, state, may, code) => {
    expect(codeOf(() => checkTransition(review, step, state, () => may))).toBe(code);
  });

  it('names the state a refused step found and the states it needs', () => {
    const refusal = (() => {
      try {
        checkTransition(review, 'submit', 'approved', () => true);
      } catch (error) {
        return error as AppError;
      }
    })();
    expect(refusal).toMatchObject({ code: 'INVALID_STATE', message: 'the plan is approved' });
    expect(refusal?.errors).toEqual([
      {
        path: 'status',
        message: 'the plan is approved, and submit needs draft or returned',
        code: 'invalid_transition',
        params: { current: 'approved', wanted: 'draft,returned', entity: 'targetPlan' },
      },
    ]);
  });

  it('lists the steps open now to the caller', () => {
    expect(availableSteps(review, 'submitted', () => true)).toEqual(['approve', 'return']);
    expect(availableSteps(review, 'submitted', (s) => s !== 'approve')).toEqual(['return']);
    expect(availableSteps(review, 'approved', () => true)).toEqual([]);
  });

  it('refuses a declaration that names an unknown state', () => {
    expect(() =>
      defineWorkflow({
        name: 'x',
        entity: 'x',
        states: ['a'] as const,
        transitions: { go: { from: ['a'], to: 'b' as 'a' } },
      }),
    ).toThrow(/unknown state b/);
  });

  it('says the record changed when the conditional write matched nothing', () => {
    expect(() => assertMoved(review, [])).toThrow(AppError);
    expect(() => assertMoved(review, [])).toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        errors: [expect.objectContaining({ code: 'moved_meanwhile' })],
      }),
    );
    expect(() => assertMoved(review, [{ id: 1 }])).not.toThrow();
  });
});
