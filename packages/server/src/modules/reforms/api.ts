/**
 * What other modules may use of `reforms` (改革清单): the public summary of the lists' progress
 * (for the home page and, later, the key battles and the campaign's adoption), and the tables
 * only for foreign keys.
 */

export { reformAuditTitles } from './queries/audit-titles.js';
export { publicSummary as reformsSummary } from './queries/public.js';
export { reformLists, reformProjects } from './schema.js';
