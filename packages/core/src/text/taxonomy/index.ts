import type { LabelledText } from '../classifier.js';
import { governmentMessageTaxonomy } from './government-messages.js';

/**
 * Built-in label descriptions for the labels of the government-message taxonomy that occur in
 * a training set: each sub-category becomes one short labelled example, which lifts labels
 * with few examples (a cold start). Labels the taxonomy does not know get nothing.
 */
export function builtInDescriptions(labels: Iterable<string>): LabelledText[] {
  const out: LabelledText[] = [];
  for (const label of new Set(labels)) {
    for (const text of governmentMessageTaxonomy[label] ?? []) out.push({ label, text });
  }
  return out;
}
