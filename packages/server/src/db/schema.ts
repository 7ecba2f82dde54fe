// Every table, gathered for drizzle-kit and for the typed query builder.
export * from '../audit/schema.js';
export * from '../auth/schema.js';
export * from '../modules/ideas/schema.js';
export * from '../modules/targets/schema.js';
export * from '../modules/units/schema.js';
export * from '../modules/users/schema.js';
