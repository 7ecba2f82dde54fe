import { newRouter } from '../../../http/route-helpers.js';
import { ideasAdoptionRouter } from './adoption.js';
import { ideasAttachmentRouter } from './attachments.js';
import { ideasCampaignRouter } from './campaigns.js';
import { ideasCitizenRouter, ideasSupportRouter } from './citizen.js';
import { ideasEngagePublicRouter, ideasEngageStaffRouter } from './engage.js';
import { ideasEventRouter } from './events.js';
import { ideasPublicRouter } from './public.js';
import { ideasReviewRouter } from './review.js';
import { ideasShortlistRouter } from './shortlist.js';
import { ideasStaffRouter } from './staff.js';
import { ideasStatsRouter } from './stats.js';

/** Every route of the ideas module (建言献策), mounted under /api/v1. */
export const ideasRouter = newRouter()
  .route('/', ideasPublicRouter)
  .route('/', ideasSupportRouter)
  .route('/', ideasCitizenRouter)
  .route('/', ideasStaffRouter)
  .route('/', ideasEventRouter)
  .route('/', ideasReviewRouter)
  .route('/', ideasShortlistRouter)
  .route('/', ideasAdoptionRouter)
  .route('/', ideasCampaignRouter)
  .route('/', ideasAttachmentRouter)
  .route('/', ideasStatsRouter)
  .route('/', ideasEngagePublicRouter)
  .route('/', ideasEngageStaffRouter);
