/**
 * What other modules (and the platform) may use of `ideas`: the titles its audit events name,
 * the adopted suggestions (a reform battle takes them up), the text search's words (so another
 * module's search segments Chinese as the campaign's does), what the reforms module needs to take
 * a suggestion up and tell its followers, and the suggestions' table for foreign keys only.
 */

export {
  followReform,
  type ReformEvent,
  type SuggestionState,
  suggestionStates,
} from './follow-reforms.js';
export {
  type AdoptedSuggestion,
  adoptedSuggestionsByIds,
  searchAdoptedSuggestions,
} from './queries/adopted.js';
export { ideaAuditTitles } from './queries/audit-titles.js';
export { ideaSuggestions } from './schema.js';
export { queryTerms, searchTokens } from './text/tokens.js';
