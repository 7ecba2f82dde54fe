import { type ClassifierModel, trainClassifier } from '@qianxing/core/text';

/** Too few routings, or a single department, teach nothing worth suggesting. */
const MIN_EXAMPLES = 20;

export const requestText = (title: string, body: string) => `${title}\n${body}`;

/** Trains a routing model on labelled texts; null when they teach nothing. */
export function trainRouting(examples: Array<{ text: string; label: string }>): ClassifierModel | null {
  if (examples.length < MIN_EXAMPLES || new Set(examples.map((e) => e.label)).size < 2) return null;
  return trainClassifier(examples, { epochs: 20 });
}
