import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import { transaction } from '../../db/transaction.js';
import { AppError, type FieldError, forbidden } from '../../errors.js';
import { type Column, readSheet, writeSheet } from '../../excel/workbook.js';
import { isStorableText, unstorableText } from '../../http/input.js';
import { fieldErrorOf } from '../../http/problem.js';
import { currentCampaign } from './campaigns.js';
import { WrittenSuggestionInput } from './contracts.js';
import { ideasEngine, suggestionText } from './engine.js';
import { unitIndex } from './lookup.js';
import { canIdea, mayEver } from './policy.js';
import { ideaParticipations, ideaSuggestions, ideaTimeline } from './schema.js';
import { newTrackingCode, searchTokens } from './text.js';

export const importColumns: Column[] = [
  { key: 'title', header: '标题', width: 30 },
  { key: 'body', header: '内容', width: 60 },
  { key: 'townCode', header: '镇街代码' },
  { key: 'authorKind', header: '作者类别' },
  { key: 'channel', header: '渠道' },
  { key: 'domain', header: '领域' },
  { key: 'realName', header: '姓名' },
  { key: 'phone', header: '电话' },
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

export function parseCsv(text: string) {
  if (!isStorableText(text))
    throw new AppError('VALIDATION', 'the file holds text that cannot be stored', [unstorableText('file')]);
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch {
    throw new AppError('VALIDATION', 'the file is not CSV', [
      { path: 'file', message: 'not csv', code: 'not_csv' },
    ]);
  }
  return records.map((r, i) => {
    const values: Record<string, string> = {};
    for (const c of importColumns) values[c.key] = String(r[c.key] ?? r[c.header] ?? '');
    return { row: i + 2, values };
  });
}

/** Every row is checked first; any error rejects the whole file with a report of (row, field, why). */
export async function importSuggestions(
  ctx: ServiceContext,
  upload: () => Promise<{ csv: string } | { xlsx: ArrayBuffer }>,
) {
  if (!mayEver(ctx.principal, 'suggestion.import')) throw forbidden();
  const file = await upload();
  const rows = 'csv' in file ? parseCsv(file.csv) : await readSheet(file.xlsx, importColumns);
  if (rows.length === 0)
    throw new AppError('VALIDATION', 'no rows', [{ path: 'file', message: 'empty', code: 'empty_file' }]);
  if (rows.length > 5000) throw new AppError('PAYLOAD_TOO_LARGE', 'at most 5000 rows');
  const campaign = await currentCampaign(ctx.db);
  const units = await unitIndex(ctx.db);
  const byCode = new Map([...units].map(([id, u]) => [u.code, { id, ...u }]));
  const errors: FieldError[] = [];
  const valid = [];
  for (const { row, values } of rows) {
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
    if (!town || !['subdistrict', 'town', 'township', 'village', 'community'].includes(town.kind))
      errors.push({ path: `row ${row}.townCode`, message: 'unknown town', code: 'unknown_town' });
    else if (!canIdea(ctx.principal, 'suggestion.import', town.path))
      errors.push({ path: `row ${row}.townCode`, message: 'outside your units', code: 'outside_scope' });
    if (values.domain && !campaign.domains.some((d) => d.code === values.domain))
      errors.push({ path: `row ${row}.domain`, message: 'unknown domain', code: 'unknown_domain' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        if (issue.path[0] !== 'townId')
          errors.push(fieldErrorOf(issue, `row ${row}.${issue.path.join('.')}`));
      continue;
    }
    const key = createHash('sha256')
      .update([values.title, values.body, values.townCode, values.authorKind, values.channel].join('\u0001'))
      .digest('base64url')
      .slice(0, 32);
    valid.push({ row, input: parsed.data, key });
  }
  if (errors.length) throw new AppError('VALIDATION', `${errors.length} problems in the file`, errors);
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
  const inserted = fresh.map((v, i) => {
    const prediction = predictions[i]!;
    const domain = v.input.domain ?? prediction.label;
    return {
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
      importKey: v.key,
      createdBy: ctx.principal?.userId ?? null,
    };
  });
  if (inserted.length > 0) {
    await transaction(ctx.db, async (tx) => {
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
          .values(
            chunk.map((s) => ({ suggestionId: s.id, kind: 'submitted', params: { channel: s.channel } })),
          );
      }
      await audit(tx, actor(ctx), {
        action: 'suggestion.import',
        entityType: 'campaign',
        entityId: campaign.id,
        after: {
          created: inserted.length,
          skipped: rows.length - inserted.length,
          ids: inserted.map((s) => s.id),
        },
      });
    });
    await ideasEngine.added(
      ctx.db,
      campaign,
      inserted.map(({ id, title, body }) => ({ id, title, body })),
    );
  }
  return { created: inserted.length, skipped: rows.length - inserted.length };
}
