import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden } from '../../../errors.js';
import {
  eachInSlices,
  type ImportFile,
  RowReport,
  runImport,
  type Written,
} from '../../../kernel/excel-import.js';
import { type Campaign, WrittenSuggestionInput } from '../contracts.js';
import { importTowns, suggestionSheet, suggestionTemplate } from '../excel.js';
import { canIdea, mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { ideaParticipations, ideaSuggestions, ideaTimeline } from '../schema.js';
import { ideasEngine, suggestionText } from '../text/engine.js';
import { newTrackingCode, searchTokens, suggestionWords } from '../text/tokens.js';
import { heldDomains } from './domain-hold.js';

interface SuggestionRow {
  row: number;
  input: WrittenSuggestionInput;
  /**
   * The same row (the same text, town, author and channel, and the same name and phone) in the
   * same campaign always has the same key: importing it again is skipped.
   */
  key: string;
  /**
   * For a row with a name or phone, its key as rows were keyed before names and phones counted:
   * a file imported then and imported again is still known.
   */
  earlierKey?: string;
}

const importKey = (parts: Array<string | undefined>) =>
  createHash('sha256').update(parts.join('\u0001')).digest('base64url').slice(0, 32);

type NewSuggestion = typeof ideaSuggestions.$inferInsert & {
  id: string;
  title: string;
  body: string;
  domain: string;
};

/** The classifier's guesses of a row's domain, best first. */
type Guesses = Array<{ domain: string; confidence: number }>;

/**
 * The rows to write, each with the number of the sheet's row it came from and, where the file
 * left its domain empty, the classifier's guesses; the rows skipped.
 */
interface Prepared {
  inserted: NewSuggestion[];
  sheetRows: number[];
  guesses: Array<Guesses | null>;
  skippedRows: number[];
}

/** The columns a row must fill; the town is among them, checked against the unit tree. */
const requiredCells = ['title', 'body', 'townCode', 'authorKind'];

/** The import's template in the reader's language (see excel.ts). */
export async function importTemplate(ctx: ServiceContext) {
  if (!mayEver(ctx.principal, 'suggestion.import')) throw forbidden();
  const campaign = await currentCampaign(ctx.db);
  return suggestionTemplate(campaign, await importTowns(ctx.db), ctx.locale ?? 'zh-CN');
}

/**
 * Every row is checked first; any error rejects the whole file with a report of (row, column,
 * why). Enumerated cells may hold a code or a name in either language (the kernel's choices).
 */
export async function importSuggestions(ctx: ServiceContext, upload: () => Promise<ImportFile>) {
  if (!mayEver(ctx.principal, 'suggestion.import')) throw forbidden();
  const file = await upload();
  const campaign = await currentCampaign(ctx.db);
  const towns = await importTowns(ctx.db);
  const byCode = new Map(towns.map((u) => [u.code, u]));
  return runImport(ctx, file, {
    sheet: suggestionSheet(campaign, towns),
    row(values, row, report): SuggestionRow | undefined {
      const town = byCode.get(values.townCode ?? '');
      const parsed = WrittenSuggestionInput.safeParse({
        title: values.title,
        body: values.body,
        townId: town?.id ?? '00000000-0000-0000-0000-000000000000',
        authorKind: values.authorKind,
        channel: values.channel || 'written',
        ...(values.domain ? { domain: values.domain } : {}),
        ...(values.realName ? { realName: values.realName } : {}),
        ...(values.phone ? { phone: values.phone } : {}),
      });
      // An empty cell of a required column is "required", not "at least 4 characters".
      const empty = requiredCells.filter((key) => !values[key]?.trim());
      for (const key of empty) report.add(row, key, 'required', 'required');
      if (!town) {
        if (!empty.includes('townCode')) report.add(row, 'townCode', 'required', 'required');
      } else if (!canIdea(ctx.principal, 'suggestion.import', town.path))
        report.add(row, 'townCode', 'outside_scope', 'outside your units');
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          if (field !== 'townId' && !empty.includes(field)) report.addIssue(row, issue, issue.path.join('.'));
        }
        return undefined;
      }
      // Two residents may send the same letter (联名, a template): their name and phone tell them
      // apart. A row without either keys as before, so a file imported earlier is still known.
      const name = values.realName?.trim() ?? '';
      const phone = values.phone?.trim() ?? '';
      const text = [values.title, values.body, values.townCode, values.authorKind, values.channel];
      const named = name !== '' || phone !== '';
      return {
        row,
        input: parsed.data,
        key: importKey(named ? [...text, name, phone] : text),
        ...(named ? { earlierKey: importKey(text) } : {}),
      };
    },
    prepare: (rows) => newSuggestions(ctx, campaign, rows),
    write: (tx, _rows, prepared) => writeSuggestions(tx, campaign, prepared),
    async afterCommit(_result, { inserted }) {
      if (inserted.length)
        await ideasEngine.added(
          ctx.db,
          campaign,
          inserted.map(({ id, title, body }) => ({ id, title, body })),
        );
    },
  });
}

/**
 * The rows not imported before (by key) nor repeated earlier in the file, classified where the file
 * leaves the domain empty; and the numbers of the rows skipped.
 */
async function newSuggestions(
  ctx: ServiceContext,
  campaign: Campaign,
  valid: SuggestionRow[],
): Promise<Prepared> {
  const keys = valid.flatMap((v) => (v.earlierKey ? [v.key, v.earlierKey] : [v.key]));
  const existing = new Set(
    (
      await ctx.db
        .select({ key: ideaSuggestions.importKey })
        .from(ideaSuggestions)
        .where(and(eq(ideaSuggestions.campaignId, campaign.id), inArray(ideaSuggestions.importKey, keys)))
    ).map((r) => r.key),
  );
  const seen = new Set<string>();
  const known = (v: SuggestionRow) => existing.has(v.key) || (!!v.earlierKey && existing.has(v.earlierKey));
  const fresh = valid.filter((v) => !known(v) && !seen.has(v.key) && seen.add(v.key));
  const kept = new Set(fresh);
  const skippedRows = valid.filter((v) => !kept.has(v)).map((v) => v.row);
  const predictions = await ideasEngine.classify(
    ctx.db,
    campaign,
    fresh.map((v) => suggestionText(v.input.title, v.input.body)),
  );
  const inserted: NewSuggestion[] = [];
  const sheetRows = fresh.map((v) => v.row);
  const rounded = (p: number) => Math.round(p * 1e4) / 1e4;
  const guesses = fresh.map((v, i) =>
    v.input.domain === undefined
      ? predictions[i]!.scores.map((s) => ({ domain: s.label, confidence: rounded(s.probability) }))
      : null,
  );
  // Segmenting thousands of texts for search takes a while: let other requests through meanwhile.
  await eachInSlices(fresh, (v, i) => {
    const prediction = predictions[i]!;
    const domain = v.input.domain ?? prediction.label;
    inserted.push({
      id: crypto.randomUUID(),
      campaignId: campaign.id,
      title: v.input.title,
      body: v.input.body,
      domain,
      domainConfidence: rounded(prediction.scores.find((s) => s.label === domain)?.probability ?? 0),
      townId: v.input.townId,
      authorKind: v.input.authorKind,
      channel: v.input.channel,
      realName: v.input.realName ?? null,
      phone: v.input.phone ?? null,
      trackingCode: newTrackingCode(),
      tokens: searchTokens(`${v.input.title} ${v.input.body}`),
      ...suggestionWords(v.input.title, v.input.body),
      importKey: v.key,
      createdBy: ctx.principal?.userId ?? null,
    });
  });
  return { inserted, sheetRows, guesses, skippedRows };
}

async function writeSuggestions(
  tx: Tx,
  campaign: Campaign,
  prepared: Prepared,
): Promise<Written<{ created: number; skipped: number; skippedRows: number[] }>> {
  const { skippedRows } = prepared;
  const inserted = prepared.inserted.length ? await heldDomainsOf(tx, campaign, prepared) : [];
  for (let i = 0; i < inserted.length; i += 500) {
    const chunk = inserted.slice(i, i + 500);
    await tx.insert(ideaSuggestions).values(chunk);
    await tx.insert(ideaParticipations).values(
      chunk.map((s) => ({
        campaignId: campaign.id,
        kind: 'submission' as const,
        channel: s.channel,
        townId: s.townId,
        authorKind: s.authorKind,
        suggestionId: s.id,
      })),
    );
    await tx
      .insert(ideaTimeline)
      .values(chunk.map((s) => ({ suggestionId: s.id, kind: 'submitted', params: { channel: s.channel } })));
  }
  const result = { created: inserted.length, skipped: skippedRows.length, skippedRows };
  // A file whose every row was imported before changes nothing, and so records nothing.
  if (!inserted.length) return { result, audit: [] };
  return {
    result,
    audit: [
      {
        action: 'suggestion.import',
        entityType: 'campaign',
        entityId: campaign.id,
        after: { created: result.created, skipped: result.skipped, ids: inserted.map((s) => s.id) },
      },
    ],
  };
}

/**
 * Checks the rows' domains again under the campaign's row ({@link heldDomains}): a domain an edit
 * of the campaign removed since the file was checked refuses the rows the file put into it,
 * reported as the checks report a row (`domain_removed`). A row the classifier put there, its
 * domain left empty, goes into the classifier's next guess the campaign still has (else the
 * campaign's first domain), as the public form's does: nobody chose the removed one.
 */
async function heldDomainsOf(
  tx: Tx,
  campaign: Campaign,
  { inserted, sheetRows, guesses }: Prepared,
): Promise<NewSuggestion[]> {
  const domains = await heldDomains(tx, campaign.id);
  const report = new RowReport();
  const rows = inserted.map((s, i) => {
    const guessed = guesses[i];
    if (domains.has(s.domain) || !guessed) return s;
    const next = guessed.find((g) => domains.has(g.domain)) ?? { domain: [...domains][0], confidence: 0 };
    return next.domain === undefined ? s : { ...s, domain: next.domain, domainConfidence: next.confidence };
  });
  rows.forEach((s, i) => {
    if (domains.has(s.domain)) return;
    const name = campaign.domains.find((d) => d.code === s.domain)?.name ?? s.domain;
    report.add(sheetRows[i]!, 'domain', 'domain_removed', 'removed from the campaign meanwhile', {
      domain: name,
    });
  });
  report.throwIfAny();
  return rows;
}
