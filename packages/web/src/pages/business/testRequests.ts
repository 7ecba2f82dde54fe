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

/**
 * A request in a list, as the server answers it: a firm's, routed to QJ's development commission,
 * due on 11 December in 5 working days, with `over` on top.
 */
export const requestSummaryOf = (
  over: Partial<RequestSummary> & Pick<RequestSummary, 'id' | 'title'>,
): RequestSummary => ({
  status: 'routed',
  firmId: '00000000-0000-4000-8000-000000000030',
  firmName: '重庆黔龙食品有限公司',
  categoryCode: 'infrastructure',
  categoryName: '基础设施',
  departmentId: '00000000-0000-4000-8000-000000000003',
  departmentName: '区发展改革委',
  suggestedDepartmentId: null,
  suggestedDepartmentName: null,
  suggestionConfidence: null,
  dueOn: '2026-12-11',
  workdaysLeft: 5,
  dueState: 'on_time',
  dueProvisional: null,
  pendingExtension: false,
  pendingAppeal: false,
  createdAt: '2026-12-01T02:00:00.000Z',
  ...over,
});
