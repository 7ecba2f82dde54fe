export * from './plan-concerns.js';
export * from './regional-figures.js';
