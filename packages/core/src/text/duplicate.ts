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
  /** Probability at or above which two texts count as near-duplicates. */
  threshold: number;
  trainedOn: string;
}

const builtIn = modelJson as DuplicateModel;
if (builtIn.features.join() !== PAIR_FEATURE_NAMES.join()) {
  throw new Error(
    'duplicate-model.json does not match the pair features: rerun bench/text/train-duplicate.ts',
  );
}

/** The built-in model (trained on AFQMC and ChineseSTS). */
export const DUPLICATE_MODEL: DuplicateModel = builtIn;

export interface DuplicateVerdict {
  /** Probability in [0, 1] that the two texts say the same thing (1 for texts equal after normalisation). */
  similarity: number;
  /** The decision: `similarity >= model.threshold`. */
  duplicate: boolean;
}

/**
 * THE near-duplicate decision: the one function the platform uses wherever it flags two texts
 * as saying the same thing (the web form while a citizen types, the server on submission,
 * `qianxing text pairs`). Symmetric; browser-safe. Accepts raw or prepared texts.
 */
export function judgeDuplicate(
  a: string | PreparedText,
  b: string | PreparedText,
  model: DuplicateModel = DUPLICATE_MODEL,
): DuplicateVerdict {
  const pa = typeof a === 'string' ? prepareText(a) : a;
  const pb = typeof b === 'string' ? prepareText(b) : b;
  if (pa.chars.length > 0 && isSameText(pa, pb)) return { similarity: 1, duplicate: true };
  if (pa.chars.length === 0 || pb.chars.length === 0) return { similarity: 0, duplicate: false };
  const similarity = sigmoid(denseScore(model.model, pairFeatures(pa, pb)));
  return { similarity, duplicate: similarity >= model.threshold };
}

/** Shorthand for `judgeDuplicate(a, b).duplicate`. */
export function isNearDuplicate(a: string | PreparedText, b: string | PreparedText): boolean {
  return judgeDuplicate(a, b).duplicate;
}
