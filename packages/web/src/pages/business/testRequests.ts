import type { RequestDetail } from './requests';

/** For the request page tests: a request that offers the reader no action. */
export const noRequestActions: RequestDetail['actions'] = {
  route: false,
  answer: false,
  askExtension: false,
  rate: false,
  recordVisit: false,
  rectify: false,
  appeal: false,
  decide: false,
  attach: false,
};
