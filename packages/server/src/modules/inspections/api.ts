/**
 * What other modules may use of `inspections`: the tables only for foreign keys (the joint
 * planning and visits of later parts name drawn firms and inspectors).
 */

export { inspectionAuditTitles } from './queries/audit-titles.js';
export { inspectionDrawnFirms, inspectionInspectors, inspectionTasks } from './schema.js';
