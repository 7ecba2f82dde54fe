import { type DenseModel, denseScore, sigmoid } from './dense-models.js';
import modelJson from './duplicate-model.json' with { type: 'json' };
import {
  isSameText,
  PAIR_FEATURE_NAMES,
  type PreparedText,
  pairFeatures,
  prepareText,
} from './pair-features.js';

/** The near-duplicate decision's model: JSON written by `bench/text/train-duplicate.ts`. */
export interface DuplicateModel {
  version: 1;
  features: string[];
  model: DenseModel;
  /**
   * Probability at or above which two texts given as a pair count as near-duplicates
   * (`qianxing text pairs`): the best mean of F1 and accuracy, averaged over the training
   * sources, on scores of pairs the model had not seen (the rule chosen by leaving one data set
   * out, see docs/methods/text.md).
   */
  threshold: number;
  /**
   * The same decision for a candidate a near-duplicate index offers among a campaign's short
   * suggestions: most candidates share a topic's words without saying the same thing, so the
   * bar is higher (calibrated on suggestion-like candidates, see bench/text/calibrate-duplicate.ts).
   */
  candidateThreshold: number;
  trainedOn: string;
}

const builtIn = modelJson as DuplicateModel;
if (builtIn.features.join() !== PAIR_FEATURE_NAMES.join()) {
  throw new Error(
    'duplicate-model.json does not match the pair features: rerun bench/text/train-duplicate.ts',
  );
}

/** The built-in model (trained on AFQMC, ChineseSTS and LCQMC dev: bench/text/train-duplicate.ts). */
export const DUPLICATE_MODEL: DuplicateModel = builtIn;

/** Where a pair comes from: given as a pair, or offered by an index as a candidate. */
export type PairSource = 'pair' | 'candidate';

export interface DuplicateVerdict {
  /** Probability in [0, 1] that the two texts say the same thing (1 for texts equal after normalisation). */
  similarity: number;
  /** The decision: `similarity` at or above the model's threshold for the pair's source. */
  duplicate: boolean;
}

/**
 * THE near-duplicate decision: the one function the platform uses wherever it flags two texts
 * as saying the same thing (the web form while a citizen types, the server on submission,
 * `qianxing text pairs`). Symmetric; browser-safe. Accepts raw or prepared texts. The model and
 * its probability are the same everywhere; only the bar differs with where the pair comes from.
 */
export function judgeDuplicate(
  a: string | PreparedText,
  b: string | PreparedText,
  model: DuplicateModel = DUPLICATE_MODEL,
  source: PairSource = 'pair',
): DuplicateVerdict {
  const pa = typeof a === 'string' ? prepareText(a) : a;
  const pb = typeof b === 'string' ? prepareText(b) : b;
  if (pa.length > 0 && isSameText(pa, pb)) return { similarity: 1, duplicate: true };
  if (pa.length === 0 || pb.length === 0) return { similarity: 0, duplicate: false };
  const similarity = sigmoid(denseScore(model.model, pairFeatures(pa, pb)));
  const bar = source === 'pair' ? model.threshold : model.candidateThreshold;
  return { similarity, duplicate: similarity >= bar };
}

/** Shorthand for `judgeDuplicate(a, b).duplicate`. */
export function isNearDuplicate(a: string | PreparedText, b: string | PreparedText): boolean {
  return judgeDuplicate(a, b).duplicate;
}
