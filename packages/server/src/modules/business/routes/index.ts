import { signedInRouter } from '../../../http/route-helpers.js';
import { firmsRouter } from './firms.js';
import { industriesRouter } from './industries.js';
import { ratingsRouter } from './ratings.js';
import { requestsRouter } from './requests.js';
import { firmStaffRouter } from './staff.js';

/**
 * Every route of the business module (营商环境), mounted under /api/v1, none of them for the
 * anonymous; later parts (requests, liaison visits, ratings) add theirs here.
 */
export const businessRouter = signedInRouter(['/business/*'])
  .route('/', industriesRouter)
  .route('/', firmStaffRouter)
  .route('/', firmsRouter)
  .route('/', requestsRouter)
  .route('/', ratingsRouter);
