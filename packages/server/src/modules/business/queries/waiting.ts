import type { ServiceContext } from '../../../context.js';
import type { WaitingCounter } from '../../../kernel/waiting.js';
import type { RequestQuery } from '../contracts-requests.js';
import { mayEverRequest } from '../policy.js';
import { listRequests } from './requests.js';

const requests = '/admin/business/requests';

/** Requests of the caller's reach in one state: their count, read through the list's own rules. */
const total = async (ctx: ServiceContext, query: Omit<RequestQuery, 'page' | 'pageSize'>) =>
  (await listRequests(ctx, { page: 1, pageSize: 1, ...query })).total;

/**
 * The office routes new requests and decides extensions and appeals; a department answers the
 * requests routed to it, the overdue counted apart.
 */
export const businessWaiting: WaitingCounter = async (ctx) => {
  const found = [];
  if (mayEverRequest(ctx.principal, 'request.route'))
    found.push({ key: 'toRoute', count: await total(ctx, { status: 'submitted' }), path: requests });
  if (mayEverRequest(ctx.principal, 'extension.decide')) {
    found.push({ key: 'extensions', count: await total(ctx, { pending: 'extension' }), path: requests });
    found.push({ key: 'appeals', count: await total(ctx, { pending: 'appeal' }), path: requests });
  }
  if (mayEverRequest(ctx.principal, 'request.answer'))
    found.push({
      key: 'toAnswer',
      count: await total(ctx, { status: 'routed' }),
      overdue: await total(ctx, { status: 'routed', flag: 'overdue' }),
      path: requests,
    });
  return found;
};
