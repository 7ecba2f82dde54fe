/**
 * The firms' loop (营商环境 “黔诚无忧”), browser-safe: the unified social credit code of the firm
 * registry, and the monthly department scorecard of answers on time, resolutions and
 * satisfaction, on the official working-day calendar.
 */
export * from './credit-code.js';
export { describeIssue, fieldLabel, ScorecardInputError, type ScorecardIssue } from './errors.js';
export * from './investment-dashboard.js';
export {
  type LiaisonCadre,
  type LiaisonFirm,
  type LiaisonProposal,
  type Pairing,
  proposeLiaison,
  type VisitDue,
  type VisitState,
  visitDue,
} from './liaison.js';
export * from './projects.js';
export { SCORE_TIE } from './rank.js';
export * from './schema.js';
export {
  departmentScorecard,
  departmentScorecards,
  type PreparedScorecards,
  prepareScorecards,
  type ScorecardOptions,
  weightedScore,
} from './scorecard.js';
export { foldSurvey } from './survey.js';
