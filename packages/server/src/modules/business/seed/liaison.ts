import { proposeLiaison } from '@qianxing/core/business';
import { fromDayNumber, toDayNumber } from '@qianxing/core/calendar';
import { type Random, seededRandom } from '@qianxing/core/random';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { unitBriefs } from '../../units/api.js';
import { displayNames, holdersOf, insertUser } from '../../users/api.js';
import { businessLiaisonIssues, businessLiaisonPairs, businessLiaisonVisits } from '../schema.js';

/** Further demo cadres (the demo's own `cadre` account is one of the roster): name and department. */
const demoCadres: Array<[string, string]> = [
  ['吴晓东', 'QJ-D02'],
  ['郑丽', 'QJ-D03'],
  ['孙志刚', 'QJ-D04'],
  ['冉春燕', 'QJ-D05'],
  ['向国平', 'QJ-D06'],
  ['杨帆', 'QJ-D07'],
  ['何静', 'QJ-D08'],
];

const topics = [
  '了解企业生产经营和用工情况，宣讲稳岗返还政策',
  '走访项目建设进度，协调用地和水电接入',
  '座谈融资需求，对接区内银行信贷产品',
  '了解订单和物流成本，介绍渝湘高铁开通后的货运安排',
  '听取企业对审批服务的意见建议',
];
const issueTexts = [
  ['厂区门口道路破损影响货车通行', '厂区门口约200米道路破损严重，雨天积水，货车进出困难，希望协调修复。'],
  ['希望办理技能人才培训补贴', '企业新招员工30人，希望了解并申请职业技能培训补贴。'],
  ['用电负荷不足需要增容', '新上生产线后用电负荷不足，希望协调供电部门增容。'],
];

function visitsOf(rand: Random, firmId: string, cadreId: string, pairedOn: number, today: number) {
  // Every 60–130 days: most firms are visited in time, some are overdue.
  const out: Array<typeof businessLiaisonVisits.$inferInsert & { id: string }> = [];
  let day = pairedOn + Math.floor(rand() * 40);
  while (day <= today) {
    out.push({
      id: crypto.randomUUID(),
      firmId,
      cadreId,
      visitedOn: fromDayNumber(day),
      attendees: '企业负责人、办公室主任',
      topics: topics[Math.floor(rand() * topics.length)]!,
    });
    day += 60 + Math.floor(rand() * 70);
  }
  return out;
}

/**
 * The demo roster of liaison cadres (百名干部联千企), every demo firm paired by the same proposal
 * the office would apply, and a year of visits, a few with issues noted. Marked is_demo through
 * the accounts; the pairings date from 1 January of this year.
 */
export async function seedLiaisonDemo(
  ctx: ServiceContext,
  firms: Array<{ id: string; name: string; townId: string; industryCode: string }>,
) {
  const units = new Map((await unitBriefs(ctx.db)).map((u) => [u.code, u.id]));
  for (const [name, unit] of demoCadres)
    if (units.has(unit))
      await insertUser(
        ctx,
        {
          login: `cadre.${unit.toLowerCase()}`,
          displayName: `联企干部 ${name}`,
          roles: [{ role: 'liaison', unitId: units.get(unit)! }],
        },
        { isDemo: true },
      );
  const roster = [...new Map((await holdersOf(ctx.db, 'liaison')).map((c) => [c.id, c])).values()];
  if (roster.length === 0 || firms.length === 0) return;
  const names = await displayNames(
    ctx.db,
    roster.map((c) => c.id),
  );
  const { pairs } = proposeLiaison(
    firms,
    roster.map((c) => ({ id: c.id, name: names.get(c.id) ?? c.id })),
    [],
  );
  const today = toDayNumber(todayInChina());
  const pairedOn = toDayNumber(`${todayInChina().slice(0, 4)}-01-01`);
  const rand = seededRandom(20260101);
  const visits = pairs.flatMap((p) => visitsOf(rand, p.firmId, p.cadreId, pairedOn, today));
  const issues = visits
    .filter(() => rand() < 0.08)
    .map((v, i) => {
      const [title, body] = issueTexts[i % issueTexts.length]!;
      return { visitId: v.id, seq: 0, title: title!, body: body!, categoryCode: null, requestId: null };
    });
  await transaction(ctx.db, async (tx) => {
    for (let at = 0; at < pairs.length; at += 500)
      await tx
        .insert(businessLiaisonPairs)
        .values(pairs.slice(at, at + 500).map((p) => ({ ...p, pairedOn: fromDayNumber(pairedOn) })));
    for (let at = 0; at < visits.length; at += 500)
      await tx.insert(businessLiaisonVisits).values(visits.slice(at, at + 500));
    if (issues.length) await tx.insert(businessLiaisonIssues).values(issues);
    await audit(tx, systemActor('seed'), {
      action: 'liaison.seedDemo',
      entityType: 'liaison',
      entityId: 'demo',
      after: { cadres: roster.length, pairs: pairs.length, visits: visits.length },
    });
  });
}
