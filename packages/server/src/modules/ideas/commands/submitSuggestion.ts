import { addressKey } from '../../../auth/address-key.js';
import { hit, undo } from '../../../auth/throttle.js';
import { actor, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { maskPhone } from '../../../privacy.js';
import { settings } from '../../../settings.js';
import type { Campaign, SubmitResult, SubmitSuggestionInput, WrittenSuggestionInput } from '../contracts.js';
import { canIdea, mayEver } from '../policy.js';
import { publicStatuses } from '../publication.js';
import { campaignClosed, currentCampaign, intakeOpen, storedDomains } from '../queries/campaigns.js';
import { requireEvent } from '../queries/events.js';
import { requireTown } from '../queries/lookup.js';
import { ideasEngine, suggestionText } from '../text/engine.js';
import { newTrackingCode, searchTokens, suggestionWords } from '../text/tokens.js';
import { maskedSimilar } from '../views.js';
import { storeSuggestion } from './intake-write.js';

/** Submissions per address per minute (a street office behind one address submits a lot). */

/**
 * A chosen domain the campaign has. The campaign as this process cached it answers at once; a
 * domain it lacks is looked up as stored before the refusal, since another process may have added
 * it within the cache's lifetime. A domain removed since is refused by the write (`domain_removed`).
 */
async function checkDomain(db: Db, campaign: Campaign, domain: string | undefined) {
  if (domain === undefined || campaign.domains.some((d) => d.code === domain)) return;
  if (!(await storedDomains(db, campaign.id)).some((d) => d.code === domain))
    throw new AppError('VALIDATION', 'unknown domain', [
      { path: 'domain', message: 'unknown domain', code: 'unknown_domain' },
    ]);
}

/**
 * Takes in one suggestion: validate, classify, look up near duplicates, insert it with its
 * participation and timeline rows and the audit event in one transaction (grouped with the
 * submissions of concurrent requests).
 * Shared by the public form and by organisers entering written ones.
 */
export async function submitSuggestion(
  ctx: ServiceContext,
  input: SubmitSuggestionInput | WrittenSuggestionInput,
): Promise<SubmitResult> {
  const staff = 'channel' in input;
  if (staff && !mayEver(ctx.principal, 'suggestion.submitWritten')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  // The public's intake closes with the period; letters collected during it are still entered.
  // Checked here against the cached campaign, and by the write against the period as stored.
  const today = todayInChina();
  if (!staff && !intakeOpen(campaign, today)) throw campaignClosed(campaign);
  const town = await requireTown(ctx.db, input.townId);
  if (staff && !canIdea(ctx.principal, 'suggestion.submitWritten', town.path)) throw forbidden();
  const eventId = staff ? ((input as WrittenSuggestionInput).eventId ?? null) : null;
  if (eventId) await requireEvent(ctx, campaign.id, eventId);
  // The database counts the hit while this process classifies; a refusal still comes first.
  const throttleKey = `ideas.submit:${addressKey(ctx.ip)}`;
  const counted = staff
    ? undefined
    : hit(ctx.db, throttleKey, settings().QIANXING_IDEAS_SUBMIT_LIMIT, 60, {
        lazyCommit: true,
      });
  counted?.catch(() => undefined);
  const analysis = ideasEngine.analyse(ctx.db, campaign, suggestionText(input.title, input.body));
  analysis.catch(() => undefined);
  await counted;
  await checkDomain(ctx.db, campaign, input.domain);
  const { prediction, similar } = await analysis;
  const domain = input.domain ?? prediction.label;
  const confidence = prediction.scores.find((s) => s.label === domain)?.probability ?? 0;
  const rounded = (p: number) => Math.round(p * 1e4) / 1e4;
  // Nobody chose the classifier's guess: a domain removed since it was trained gives way to its
  // next guess, not to a refusal of a citizen who picked none.
  const otherGuesses =
    input.domain === undefined
      ? prediction.scores
          .filter((s) => s.label !== domain)
          .map((s) => ({ domain: s.label, confidence: rounded(s.probability) }))
      : undefined;
  const channel = staff ? (input as WrittenSuggestionInput).channel : 'online';
  const trackingCode = newTrackingCode();
  const id = crypto.randomUUID();
  const row = {
    id,
    campaignId: campaign.id,
    title: input.title,
    body: input.body,
    domain,
    domainConfidence: rounded(confidence),
    townId: input.townId,
    authorKind: input.authorKind,
    channel,
    // A citizen signed in submits as themself; an organiser typing in a letter does not.
    authorUserId: staff ? null : (ctx.principal?.userId ?? null),
    realName: input.realName ?? null,
    phone: input.phone ?? null,
    trackingCode,
    tokens: searchTokens(`${input.title} ${input.body}`),
    ...suggestionWords(input.title, input.body),
    eventId,
    createdBy: staff ? (ctx.principal?.userId ?? null) : null,
  } as const;
  const who = actor(ctx);
  const after = {
    title: row.title,
    domain,
    townId: row.townId,
    authorKind: row.authorKind,
    channel,
    hasName: row.realName !== null,
    phone: maskPhone(row.phone),
  };
  const stored = await storeSuggestion(ctx.db, {
    ...row,
    audit: { actorId: who.userId, actorLabel: who.label, after, requestId: who.requestId ?? null },
    // The text index holds unscreened suggestions too; the public is shown only what it may see.
    shownAmong: { ids: similar.map((s) => s.id), statuses: publicStatuses(campaign) },
    ...(otherGuesses ? { otherGuesses } : {}),
    ...(staff ? {} : { intakeDay: today }),
  }).catch(async (error: unknown) => {
    // Refused by the write for what changed since the checks (the period ended, the chosen domain
    // removed): nothing the citizen could have done otherwise, so it costs them no try.
    if (counted && error instanceof AppError) await undo(ctx.db, throttleKey);
    throw error;
  });
  const shown = new Set(stored.shown);
  // The text worker takes messages in order: the next analysis already sees this one.
  void ideasEngine
    .added(ctx.db, campaign, [{ id, title: input.title, body: input.body }])
    .catch(() => undefined);
  return {
    id,
    trackingCode,
    domain: stored.domain,
    domainConfidence: stored.domainConfidence,
    similar: maskedSimilar(
      similar.filter((s) => shown.has(s.id)).map(({ id, title, similarity }) => ({ id, title, similarity })),
    ),
  };
}
