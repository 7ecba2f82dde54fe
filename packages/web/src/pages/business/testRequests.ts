import type { RequestDetail, RequestSummary } from './requests';

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

/** A request's page as the server answers it for `summary`: nothing written on it yet, no action. */
export const requestDetailOf = (
  summary: RequestSummary,
  over: Partial<RequestDetail> = {},
): RequestDetail => ({
  ...summary,
  body: '请问补贴申报材料何时截止。',
  timeline: [],
  answers: [],
  rectifications: [],
  extensions: [],
  attachments: [],
  repeated: false,
  repeatOf: null,
  routingNote: null,
  rateBy: null,
  actions: noRequestActions,
  ...over,
});
