import type { ServiceContext } from '../../../context.js';
import { findingWithVisit } from '../commands/visit-common.js';
import type { Finding } from '../contracts-visits.js';
import { findingView } from './visits.js';

/** A finding as its verifier reads it once they accepted or returned its rectification. */
export async function verifiedFinding(ctx: ServiceContext, id: string): Promise<Finding> {
  return findingView(ctx.db, await findingWithVisit(ctx.db, id));
}
