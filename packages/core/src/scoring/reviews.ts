/** Expert review maths: aggregation, reliability and reviewer assignment. */
export * from './review.js';
export * from './review-assign.js';
export * from './review-reliability.js';
