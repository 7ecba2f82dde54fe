/**
 * A seeded random generator for reproducible data (demo district, training order, benchmark
 * data); browser-safe. One copy, so every caller gets the same numbers from the same seed.
 */
export { pick, type Random, seededRandom } from './seeded.js';
