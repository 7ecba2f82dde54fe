import { describe, expect, it } from 'vitest';
import {
  applyProblemToForm,
  type FieldForm,
  matchFieldErrors,
  type NamePath,
  toNamePath,
} from './formErrors';
import type { Problem } from './types';

const problem: Problem = {
  type: 'https://qianxing.example/problems/validation',
  title: 'Invalid input',
  status: 400,
  code: 'VALIDATION',
  errors: [
    { path: 'login', message: 'too short' },
    { path: 'login', message: 'bad characters' },
    { path: 'roles.0.unitId', message: 'not a uuid' },
    { path: '(body)', message: 'unexpected key' },
    { path: 'nickname', message: 'unknown field' },
  ],
};

describe('problem field errors', () => {
  it('reads dotted paths with list indexes as antd name paths', () => {
    expect(toNamePath('roles.0.unitId')).toEqual(['roles', 0, 'unitId']);
    expect(toNamePath('login')).toEqual(['login']);
  });

  it('puts errors on the fields the form has and returns the rest', () => {
    const { matched, unmatched } = matchFieldErrors(problem, [
      ['login'],
      ['roles', 0, 'unitId'],
      ['password'],
    ]);
    expect(matched).toEqual([
      { name: ['login'], errors: ['too short', 'bad characters'] },
      { name: ['roles', 0, 'unitId'], errors: ['not a uuid'] },
    ]);
    expect(unmatched.map((e) => e.path)).toEqual(['(body)', 'nickname']);
  });

  it('matches a record key made of digits to the form’s own field name', () => {
    const answers: Problem = { ...problem, errors: [{ path: 'answers.7', message: 'required' }] };
    const { matched, unmatched } = matchFieldErrors(answers, [['answers', '7']]);
    expect(matched).toEqual([{ name: ['answers', '7'], errors: ['required'] }]);
    expect(unmatched).toEqual([]);
  });

  it('sets the matched errors on a form', () => {
    const set: { name: NamePath; errors: string[] }[] = [];
    const form: FieldForm = {
      getFieldsError: () => [
        { name: ['login'], errors: [] },
        { name: ['displayName'], errors: [] },
      ],
      setFields: (fields: { name: NamePath; errors: string[] }[]) => set.push(...fields),
    };
    const result = applyProblemToForm(form, problem);
    expect(set).toEqual([{ name: ['login'], errors: ['too short', 'bad characters'] }]);
    expect(result.matchedCount).toBe(1);
    expect(result.unmatched.map((e) => e.path)).toEqual(['roles.0.unitId', '(body)', 'nickname']);
  });

  it('leaves a form alone when the problem has no field errors', () => {
    const form: FieldForm = {
      getFieldsError: () => [{ name: ['login'], errors: [] }],
      setFields: () => {
        throw new Error('nothing to set');
      },
    };
    const result = applyProblemToForm(form, { ...problem, code: 'CONFLICT', errors: undefined });
    expect(result).toEqual({ matchedCount: 0, unmatched: [] });
  });
});
