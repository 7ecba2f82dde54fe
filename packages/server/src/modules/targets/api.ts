/**
 * What other modules may use of `targets`: the published scorecard of a quarter (季度晾晒), read
 * through this function. No other module needs more of it yet; its tables are not offered.
 */
export type { PublicScorecard } from './contracts/scorecards.js';
export { targetAuditTitles } from './queries/audit-titles.js';
export { publicScorecard } from './queries/scorecards.js';
