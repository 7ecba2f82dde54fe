/**
 * The Chinese text engine (browser-safe): normalisation, segmentation without native code,
 * the near-duplicate decision and index, the classifier, keywords and clustering.
 * Server-only segmentation with jieba is in `@qianxing/core/text/server`.
 */
export * from './classifier.js';
export * from './cluster.js';
export { bigramCounts, ClusterIndex, type ClusterIndexOptions } from './cluster-index.js';
export * from './cluster-labels.js';
export { type DenseModel, denseScore, sigmoid } from './dense-models.js';
export * from './duplicate.js';
export * from './features.js';
export { hashString } from './hash.js';
export { highlightRanges, type TextRange } from './highlight.js';
export * from './keywords.js';
export { MESSAGE_CLASSIFIER, MESSAGE_CLASSIFIER_OPTIONS } from './message-classifier.js';
export * from './near-duplicate-index.js';
export * from './normalize.js';
export * from './pair-features.js';
export * from './stopwords.js';
export * from './strings.js';
export { builtInDescriptions } from './taxonomy/index.js';
export * from './terms.js';
export * from './tokenize.js';
