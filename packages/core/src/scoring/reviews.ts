/** Expert review maths: shortlist, aggregation, reliability and reviewer assignment. */
export * from './review.js';
export * from './review-assign.js';
export * from './review-reliability.js';
export * from './shortlist.js';
