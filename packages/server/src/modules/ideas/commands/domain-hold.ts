import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import { ideaCampaigns } from '../schema.js';

/**
 * The refusal of a write into `domain` once the campaign no longer has it: an edit of the
 * campaign removed it between the write's checks and the write.
 */
export const domainRemoved = (domain: string, path = 'domain') =>
  new AppError('CONFLICT', `the campaign no longer has the domain ${domain}`, [
    { path, message: 'removed from the campaign meanwhile', code: 'domain_removed', params: { domain } },
  ]);

/**
 * Holds the campaign's row (key share) and answers the codes of its domains as they now stand.
 * A campaign edit removes only a domain no suggestion is in, and it holds the row for update
 * while it looks, so a suggestion put into a domain of these either commits before that look
 * (and the edit keeps the domain) or waits for the edit and finds the domain gone. Taken before
 * the suggestions' rows, the order list saves take them in. Key share waits for nothing but that
 * edit. The intake's grouped insert holds the row the same way in its own statement
 * (`intake-write.ts`).
 */
export async function heldDomains(tx: Tx, campaignId: string): Promise<Set<string>> {
  const [row] = await tx
    .select({ domains: ideaCampaigns.domains })
    .from(ideaCampaigns)
    .where(eq(ideaCampaigns.id, campaignId))
    .for('key share');
  return new Set(row?.domains.map((d) => d.code));
}

/** {@link heldDomains}, refusing `domain` (`domain_removed`) once the campaign no longer has it. */
export async function holdDomain(tx: Tx, campaignId: string, domain: string | undefined): Promise<void> {
  if (domain === undefined) return;
  if (!(await heldDomains(tx, campaignId)).has(domain)) throw domainRemoved(domain);
}
