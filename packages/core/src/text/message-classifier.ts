import { z } from 'zod';
import type { TrainOptions } from './classifier.js';
import settingsJson from './message-classifier.json' with { type: 'json' };

/** The form of message-classifier.json. */
export const messageClassifierSettings = z.object({
  options: z.strictObject({
    model: z.enum(['svm', 'complement-nb', 'svm+complement-nb']).optional(),
    C: z.number().positive().optional(),
    classWeight: z.literal('balanced').optional(),
    alpha: z.number().positive().optional(),
    features: z
      .strictObject({
        charNgrams: z.array(z.number().int().positive()).optional(),
        words: z.boolean().optional(),
      })
      .optional(),
  }),
  builtInDescriptions: z.boolean(),
  chosenBy: z.string(),
  cvMacroF1: z.number(),
});

/**
 * The settings of `qianxing text classify` (messages to a government, a label per department
 * area), as `bench/text/classify-select.ts` chose and wrote them: by cross-validation on the
 * training part of the public messages only (docs/methods/text.md, Classification). Parsed, so
 * that a hand-edited file that the classifier cannot take fails at load, not at training.
 */
export const MESSAGE_CLASSIFIER = messageClassifierSettings.parse(settingsJson);

/** The options `qianxing text classify` trains with (descriptions and tokenizer aside). */
export const MESSAGE_CLASSIFIER_OPTIONS: TrainOptions = MESSAGE_CLASSIFIER.options;
