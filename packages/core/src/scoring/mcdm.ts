import { ahp } from './ahp.js';
import { entropyWeights } from './entropy.js';
import { greyRelationalAnalysis } from './gra.js';
import { topsis } from './topsis.js';

export const mcdmMethods = ['entropy', 'topsis', 'ahp', 'gra'] as const;
export type McdmMethod = (typeof mcdmMethods)[number];

export function isMcdmMethod(name: string): name is McdmMethod {
  return (mcdmMethods as readonly string[]).includes(name);
}

/**
 * Runs one method on input of unknown shape (as read from JSON). Each method validates its
 * input with its zod schema and throws ScoringInputError on anything it cannot accept.
 */
export function runMcdm(method: McdmMethod, input: unknown): object {
  switch (method) {
    case 'entropy':
      return entropyWeights(input as Parameters<typeof entropyWeights>[0]);
    case 'topsis':
      return topsis(input as Parameters<typeof topsis>[0]);
    case 'ahp':
      return ahp(input as Parameters<typeof ahp>[0]);
    case 'gra':
      return greyRelationalAnalysis(input as Parameters<typeof greyRelationalAnalysis>[0]);
  }
}
