import { sql } from 'drizzle-orm';
import type { Unit } from '../modules/units/api.js';
import type { TestClient, TestContext } from './app.js';

/**
 * Factories of the ideas module, through its routes as the office and the public use them: a
 * campaign, a suggestion in a given state of screening.
 */
let serial = 0;

/** A valid campaign: two domains, the demo's four criteria, reasons to reject, a short survey. */
export const campaignInput = (code: string) => ({
  code,
  theme: '迎接高铁时代 建设中心城市',
  startsOn: '2026-04-01',
  // Open whatever the day the tests run: intake closes after the period's end.
  endsOn: '2099-12-31',
  focusAreas: [{ name: '站城融合', description: '高铁站与城区的接驳' }],
  domains: [
    { code: 'transport', name: '交通出行', description: '高铁 黔江站 公交 道路 停车 交通枢纽 出行' },
    { code: 'tourism', name: '文旅融合', description: '旅游 景区 小南海 民宿 游客 旅游线路 康养' },
  ],
  channels: ['online', 'written', 'outreach', 'event'],
  authorKinds: ['resident', 'enterprise', 'student'],
  rubric: [
    { code: 'value', name: '价值性', weight: 0.3 },
    { code: 'feasibility', name: '可行性', weight: 0.3 },
    { code: 'innovation', name: '创新性', weight: 0.2 },
    { code: 'benefit', name: '普惠性', weight: 0.2 },
  ],
  rejectReasons: ['off_topic', 'duplicate'],
  listSizes: { golden_idea: 10, good_idea: 10, hard_problem: 5 },
  survey: [
    {
      code: 'travel',
      text: '您最常用什么方式往返高铁站？',
      kind: 'single',
      options: ['公交', '自驾'],
      required: true,
    },
  ],
});

export interface MadeCampaign {
  id: string;
  code: string;
  domains: Array<{ code: string }>;
}

/** A campaign made by the office (an admin over a root unit); the first one made is current. */
export async function makeCampaign(office: TestClient, code = `campaign-${++serial}`): Promise<MadeCampaign> {
  const res = await office.post<MadeCampaign>('/api/v1/ideas/campaigns', campaignInput(code));
  if (res.status !== 201) throw new Error(`campaign ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The body of a public suggestion about the station's buses, numbered so no two are alike. */
export const suggestionInput = (town: Pick<Unit, 'id'>, n = ++serial) => ({
  title: `建议增设高铁站公交专线${n}`,
  body: `高铁开通后客流大增，建议城区开通黔江高铁站到城区的公交接驳专线，方便群众出行。编号${n}`,
  townId: town.id,
  authorKind: 'resident' as const,
});

export type SuggestionState = 'submitted' | 'accepted' | 'rejected';

/**
 * A suggestion to the current campaign about `town`, sent on the public form (by `author`, or
 * anonymously) and screened into `state` by `screener` (a screener or the office).
 */
export async function makeSuggestion(
  t: Pick<TestContext, 'client'>,
  options: {
    town: Pick<Unit, 'id'>;
    state?: SuggestionState;
    screener?: TestClient;
    author?: TestClient;
    extra?: Record<string, unknown>;
  },
): Promise<{ id: string; trackingCode: string }> {
  const made = await (options.author ?? t.client()).post<{ id: string; trackingCode: string }>(
    '/api/v1/public/suggestions',
    { ...suggestionInput(options.town), ...options.extra },
  );
  if (made.status !== 201) throw new Error(`suggestion: ${made.status} ${JSON.stringify(made.body)}`);
  const state = options.state ?? 'submitted';
  if (state === 'submitted') return made.body;
  if (!options.screener) throw new Error(`a suggestion ${state} needs a screener`);
  const decision =
    state === 'accepted' ? { decision: 'accept' } : { decision: 'reject', reason: 'off_topic' };
  const screened = await options.screener.post<{ updated: number }>(
    `/api/v1/ideas/suggestions/${made.body.id}/screen`,
    decision,
  );
  if (screened.status !== 200 || screened.body.updated !== 1)
    throw new Error(`screening: ${screened.status} ${JSON.stringify(screened.body)}`);
  return made.body;
}

let phones = 0;
/** A mobile number no other call of this run used (a phone takes one code a minute). */
export const freshPhone = () => `139${String(++phones).padStart(8, '0')}`;

/** The newest code sent to `phone` by the test's SMS provider. */
export function lastCode(t: Pick<TestContext, 'sms'>, phone: string): string {
  const sent = t.sms.messages.findLast((m) => m.phone === phone);
  const code = sent?.message.match(/验证码为 (\d{6})/)?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

/**
 * Forgets the phone's last code requests, as if their minute had passed (a phone takes one code a
 * minute for each purpose).
 */
export const minutePassed = (t: Pick<TestContext, 'database'>, phone: string) =>
  t.database.db.execute(sql`delete from throttles where key like ${`sms:${phone}:%`}`);

/** An anonymous support as the site makes it: a code sent to a phone, then the support with it. */
export async function supportAnonymously(
  t: Pick<TestContext, 'sms' | 'database'>,
  client: TestClient,
  id: string,
  phone = freshPhone(),
) {
  await minutePassed(t, phone);
  const sent = await client.post(`/api/v1/public/suggestions/${id}/support-code`, { phone });
  if (sent.status !== 200) throw new Error(`support code: ${sent.status} ${JSON.stringify(sent.body)}`);
  return client.post<{ supports: number; counted: boolean }>(`/api/v1/public/suggestions/${id}/support`, {
    phone,
    code: lastCode(t, phone),
  });
}
