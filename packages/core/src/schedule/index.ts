/**
 * The joint-inspection planner (综合查一次), browser-safe: merges departments' planned
 * inspections of the same firm into joint visits, books dates and teams, and checks plans.
 */
export { visitLowerBound } from './group.js';
export { PlanError, planInspections } from './plan.js';
export * from './schema.js';
export { type PlanValidation, validatePlan } from './validate.js';
