/**
 * Verifiable random draws (双随机、一公开), browser-safe: firms by risk level and inspectors
 * for each, from a seed, by the documented algorithm qianxing-draw/1.
 */
export { DrawError, drawInspections } from './draw.js';
export * from './schema.js';
export { sha256, sha256Hex, toHex, utf8 } from './sha256.js';
export { compareIds, DrawStream } from './stream.js';
export { type DrawCheck, type DrawVerification, verifyDraw } from './verify.js';
