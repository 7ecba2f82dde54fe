import { signedInRouter } from '../../../http/route-helpers.js';
import { firmsRouter } from './firms.js';
import { industriesRouter } from './industries.js';
import { investmentRouter } from './investment.js';
import { liaisonRouter } from './liaison.js';
import { projectsRouter } from './projects.js';
import { ratingsRouter } from './ratings.js';
import { requestsRouter } from './requests.js';
import { scorecardPublicRouter, scorecardSettingsRouter } from './scorecard.js';
import { firmStaffRouter } from './staff.js';
import { supervisionRouter } from './supervision.js';
import { surveysRouter } from './surveys.js';
import { surveysPublicRouter } from './surveys-public.js';

/**
 * Every route of the business module (营商环境), mounted under /api/v1; only the published
 * scorecard and the surveys (under /public) are for the anonymous.
 */
export const businessRouter = signedInRouter(['/business/*'])
  .route('/', industriesRouter)
  .route('/', firmStaffRouter)
  .route('/', firmsRouter)
  .route('/', requestsRouter)
  .route('/', ratingsRouter)
  .route('/', supervisionRouter)
  .route('/', liaisonRouter)
  .route('/', projectsRouter)
  .route('/', investmentRouter)
  .route('/', scorecardSettingsRouter)
  .route('/', surveysRouter)
  .route('/', scorecardPublicRouter)
  .route('/', surveysPublicRouter);
