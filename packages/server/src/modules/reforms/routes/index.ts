import { newRouter } from '../../../http/route-helpers.js';
import { listsRouter } from './lists.js';
import { projectsRouter } from './projects.js';
import { reformsPublicRouter } from './public.js';
import { reportsRouter } from './reports.js';

/** Every route of the reforms module (改革清单), mounted under /api/v1. */
export const reformsRouter = newRouter()
  .route('/', reformsPublicRouter)
  .route('/', listsRouter)
  .route('/', projectsRouter)
  .route('/', reportsRouter);
