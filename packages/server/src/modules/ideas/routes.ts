import { newRouter } from '../../http/route-helpers.js';
import { ideasAdoptionRouter } from './routes-adoption.js';
import { ideasAttachmentRouter } from './routes-attachments.js';
import { ideasCampaignRouter } from './routes-campaigns.js';
import { ideasEngagePublicRouter, ideasEngageStaffRouter } from './routes-engage.js';
import { ideasPublicRouter } from './routes-public.js';
import { ideasReviewRouter } from './routes-review.js';
import { ideasStaffRouter } from './routes-staff.js';
import { ideasStatsRouter } from './routes-stats.js';

/** Every route of the ideas module (建言献策), mounted under /api/v1. */
export const ideasRouter = newRouter()
  .route('/', ideasPublicRouter)
  .route('/', ideasStaffRouter)
  .route('/', ideasReviewRouter)
  .route('/', ideasAdoptionRouter)
  .route('/', ideasCampaignRouter)
  .route('/', ideasAttachmentRouter)
  .route('/', ideasStatsRouter)
  .route('/', ideasEngagePublicRouter)
  .route('/', ideasEngageStaffRouter);
