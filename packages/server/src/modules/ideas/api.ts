/**
 * What other modules (and the platform) may use of `ideas`: the titles its audit events name.
 * Nothing else of the campaign is offered yet; its tables are not.
 */
export { ideaAuditTitles } from './queries/audit-titles.js';
