import { newRouter } from '../../http/route-helpers.js';
import { libraryRouter } from './routes-library.js';
import { plansRouter } from './routes-plans.js';
import { regionalRouter } from './routes-regional.js';
import { reportsRouter } from './routes-reports.js';
import { scorecardsRouter } from './routes-scorecards.js';

/** Every route of the targets module (赶超目标), mounted under /api/v1. */
export const targetsRouter = newRouter()
  .route('/', libraryRouter)
  .route('/', plansRouter)
  .route('/', reportsRouter)
  .route('/', scorecardsRouter)
  .route('/', regionalRouter);
