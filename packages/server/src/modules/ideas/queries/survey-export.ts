import type { ServiceContext } from '../../../context.js';
import { writeBook } from '../../../excel/workbook.js';
import { momentInChina } from '../../../kernel/deadlines.js';
import { maskNumbersInText } from '../../../privacy.js';
import { currentCampaign } from './campaigns.js';
import { unitIndex } from './lookup.js';
import { authorKindLabels } from './stats-export.js';
import { responsesInScope, tally } from './survey.js';

const words = {
  summary: ['汇总', 'Summary'],
  responses: ['答卷', 'Responses'],
  question: ['问题', 'Question'],
  option: ['选项', 'Option'],
  count: ['人数', 'Count'],
  time: ['时间', 'Time'],
  town: ['镇街', 'Town'],
  authorKind: ['身份', 'Author kind'],
} as const;

/** The results as a workbook: counts per option, then every response (numbers typed into free text masked). */
export async function surveyWorkbook(ctx: ServiceContext, locale: 'zh-CN' | 'en'): Promise<Buffer> {
  const at = locale === 'en' ? 1 : 0;
  const campaign = await currentCampaign(ctx.db);
  const rows = await responsesInScope(ctx, campaign.id);
  const units = await unitIndex(ctx.db);
  const summary = tally(campaign, rows).questions.flatMap((q) =>
    q.kind === 'text'
      ? [{ question: q.text, option: '—', count: q.answered }]
      : q.options.map((o) => ({ question: q.text, option: o.option, count: o.count })),
  );
  return writeBook([
    {
      name: words.summary[at],
      columns: [
        { key: 'question', header: words.question[at], width: 40 },
        { key: 'option', header: words.option[at], width: 24 },
        { key: 'count', header: words.count[at], width: 10 },
      ],
      rows: summary,
    },
    {
      name: words.responses[at],
      columns: [
        { key: 'time', header: words.time[at], width: 22 },
        { key: 'town', header: words.town[at], width: 14 },
        { key: 'authorKind', header: words.authorKind[at], width: 14 },
        ...campaign.survey.map((q) => ({ key: q.code, header: q.text, width: 24 })),
      ],
      rows: rows.map((r) => ({
        time: momentInChina(r.createdAt),
        town: units.get(r.townId)?.name ?? '',
        authorKind: authorKindLabels[r.authorKind][at],
        ...Object.fromEntries(
          campaign.survey.map((q) => {
            const a = r.answers[q.code];
            return [q.code, Array.isArray(a) ? a.join('、') : maskNumbersInText(a ?? '')];
          }),
        ),
      })),
    },
  ]);
}
