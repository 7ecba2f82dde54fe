import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden } from '../../../errors.js';
import { writeSheet } from '../../../excel/workbook.js';
import {
  eachInSlices,
  type ImportColumn,
  type ImportFile,
  type ImportSheet,
  runImport,
  type Written,
} from '../../../kernel/excel-import.js';
import { type Campaign, WrittenSuggestionInput } from '../contracts.js';
import { canIdea, mayEver } from '../policy.js';
import { currentCampaign } from '../queries/campaigns.js';
import { unitIndex } from '../queries/lookup.js';
import { ideaParticipations, ideaSuggestions, ideaTimeline } from '../schema.js';
import { ideasEngine, suggestionText } from '../text/engine.js';
import { newTrackingCode, searchTokens, suggestionWords } from '../text/tokens.js';

/** The last four may be left out of a file: written is the usual channel, the domain is classified. */
export const importColumns: ImportColumn[] = [
  { key: 'title', header: '标题', width: 30 },
  { key: 'body', header: '内容', width: 60 },
  { key: 'townCode', header: '镇街代码' },
  { key: 'authorKind', header: '作者类别' },
  { key: 'channel', header: '渠道', required: false },
  { key: 'domain', header: '领域', required: false },
  { key: 'realName', header: '姓名', required: false },
  { key: 'phone', header: '电话', required: false },
];

export const importTemplate = () =>
  writeSheet('建议导入', importColumns, [
    {
      title: '建议增设高铁站公交专线',
      body: '高铁开通后客流大增，建议开通高铁站到城区的公交接驳专线。',
      townCode: 'QJ-S03',
      authorKind: 'resident',
      channel: 'written',
      domain: 'transport',
      realName: '',
      phone: '',
    },
  ]);

/** Rows holding data in one file; a larger batch is split by the office before it comes in. */
const suggestionSheet: ImportSheet = { columns: importColumns, maxRows: 5000, requireRows: true };

interface SuggestionRow {
  row: number;
  input: WrittenSuggestionInput;
  /** The same row in the same campaign always has the same key: importing it again is skipped. */
  key: string;
}

type NewSuggestion = typeof ideaSuggestions.$inferInsert & { id: string; title: string; body: string };

/** Every row is checked first; any error rejects the whole file with a report of (row, field, why). */
export async function importSuggestions(ctx: ServiceContext, upload: () => Promise<ImportFile>) {
  if (!mayEver(ctx.principal, 'suggestion.import')) throw forbidden();
  const file = await upload();
  const campaign = await currentCampaign(ctx.db);
  const units = await unitIndex(ctx.db);
  const byCode = new Map([...units].map(([id, u]) => [u.code, { id, ...u }]));
  return runImport(ctx, file, {
    sheet: suggestionSheet,
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
      if (!town || !townKinds.includes(town.kind))
        report.add(row, 'townCode', 'unknown_town', 'unknown town');
      else if (!canIdea(ctx.principal, 'suggestion.import', town.path))
        report.add(row, 'townCode', 'outside_scope', 'outside your units');
      if (values.domain && !campaign.domains.some((d) => d.code === values.domain))
        report.add(row, 'domain', 'unknown_domain', 'unknown domain');
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          if (issue.path[0] !== 'townId') report.addIssue(row, issue, issue.path.join('.'));
        return undefined;
      }
      const key = createHash('sha256')
        .update(
          [values.title, values.body, values.townCode, values.authorKind, values.channel].join('\u0001'),
        )
        .digest('base64url')
        .slice(0, 32);
      return { row, input: parsed.data, key };
    },
    prepare: (rows) => newSuggestions(ctx, campaign, rows),
    write: (tx, rows, inserted) => writeSuggestions(tx, campaign, rows.length, inserted),
    async afterCommit(_result, inserted) {
      if (inserted.length)
        await ideasEngine.added(
          ctx.db,
          campaign,
          inserted.map(({ id, title, body }) => ({ id, title, body })),
        );
    },
  });
}

const townKinds = ['subdistrict', 'town', 'township', 'village', 'community'];

/** The rows not imported before (by key), classified where the file leaves the domain empty. */
async function newSuggestions(
  ctx: ServiceContext,
  campaign: Campaign,
  valid: SuggestionRow[],
): Promise<NewSuggestion[]> {
  const keys = valid.map((v) => v.key);
  const existing = new Set(
    (
      await ctx.db
        .select({ key: ideaSuggestions.importKey })
        .from(ideaSuggestions)
        .where(and(eq(ideaSuggestions.campaignId, campaign.id), inArray(ideaSuggestions.importKey, keys)))
    ).map((r) => r.key),
  );
  const seen = new Set<string>();
  const fresh = valid.filter((v) => !existing.has(v.key) && !seen.has(v.key) && seen.add(v.key));
  const predictions = await ideasEngine.classify(
    ctx.db,
    campaign,
    fresh.map((v) => suggestionText(v.input.title, v.input.body)),
  );
  const inserted: NewSuggestion[] = [];
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
      domainConfidence:
        Math.round((prediction.scores.find((s) => s.label === domain)?.probability ?? 0) * 1e4) / 1e4,
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
  return inserted;
}

async function writeSuggestions(
  tx: Tx,
  campaign: Campaign,
  rows: number,
  inserted: NewSuggestion[],
): Promise<Written<{ created: number; skipped: number }>> {
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
  const result = { created: inserted.length, skipped: rows - inserted.length };
  // A file whose every row was imported before changes nothing, and so records nothing.
  if (!inserted.length) return { result, audit: [] };
  return {
    result,
    audit: [
      {
        action: 'suggestion.import',
        entityType: 'campaign',
        entityId: campaign.id,
        after: { ...result, ids: inserted.map((s) => s.id) },
      },
    ],
  };
}
