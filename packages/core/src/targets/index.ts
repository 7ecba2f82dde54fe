export * from './plan-concerns.js';
