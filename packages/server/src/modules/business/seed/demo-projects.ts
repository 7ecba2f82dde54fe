import { fromDayNumber, toDayNumber } from '@qianxing/core/calendar';
import { pick, type Random } from '@qianxing/core/random';

/**
 * The demo district's investment projects, in the shape of what Qianjiang reported: January and
 * February 2026 with 7 projects signed for 11.55 亿元 (+27.2 % on 9.0802 亿元 a year before) and
 * 11.7 亿元 of funds in place (+66.4 % on 7.0313 亿元); 1,240 new market entities in the first
 * quarter against 1,075. The other months are drawn at random around them.
 */
export const demoTargets = {
  signed: { '2025': { count: 6, amount: 90802 }, '2026': { count: 7, amount: 115500 } },
  funds: { '2025': [33800, 36513], '2026': [56200, 60800] },
  entities: { '2025': [298, 347, 430], '2026': [352, 388, 500] },
} as const;

/** Stages are dated up to this day at most: the demo's last month. */
export const demoEnd = '2026-11-30';

const products: Record<string, readonly string[]> = {
  materials: ['锰基新材料', '硅基新材料', '新型建材', '碳酸钙深加工'],
  biomedicine: ['中药材精深加工', '医疗器械', '生物制剂', '青蒿素提取'],
  food: ['红薯粉丝深加工', '脆红李冷链加工', '蚕桑丝绸', '油茶精深加工', '猕猴桃果汁'],
  manufacturing: ['智能装备制造', '汽车零部件', '新能源电池配件', '电机生产线'],
  tourism: ['濯水古镇文旅综合体', '康养度假酒店', '阿蓬江民宿集群', '小南海研学基地'],
  logistics: ['铁路物流园', '冷链仓储中心', '电商物流分拨中心', '农产品集配中心'],
  electronics: ['智能终端组装', '电子元器件', '数据中心', '光电模组'],
};
const places = ['重庆', '成都', '广东', '浙江', '湖南', '湖北', '贵州', '江苏'];
const words = [
  '渝黔',
  '武陵',
  '阿蓬',
  '濯水',
  '黔龙',
  '正阳',
  '聚信',
  '华川',
  '鸿泰',
  '宏图',
  '盛源',
  '新航',
];
const kinds = ['实业有限公司', '科技有限公司', '集团有限公司', '投资有限公司'];

export interface DemoProjectInputs {
  chains: readonly string[];
  commissioners: readonly string[];
  /** The lead unit of each chain's projects. */
  leadUnits: Readonly<Record<string, string>>;
  /** A few registry firms some projects are linked to. */
  firms: ReadonlyArray<{ id: string; name: string }>;
}

export interface DemoProject {
  id: string;
  name: string;
  investor: string;
  firmId: string | null;
  amount: number;
  chainCode: string;
  commissionerId: string;
  leadUnitId: string;
  signedOn: string;
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const day = (random: Random, month: string) => `${month}-${String(int(random, 3, 26)).padStart(2, '0')}`;
const monthsBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (
    let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7));
    `${y}-${String(m).padStart(2, '0')}` <= to;
  ) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
};

/** `total` split into `parts` whole positive shares at random (each at least a third of even). */
export function split(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((w / sum) * total));
  shares[parts - 1]! += total - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/** How many projects each month signs, and for how much (万元). */
function signingPlan(random: Random): Array<{ month: string; amounts: number[] }> {
  const plan: Array<{ month: string; amounts: number[] }> = [];
  const targetShares = new Map<string, number[]>();
  for (const month of monthsBetween('2024-03', '2026-11')) {
    const year = month.slice(0, 4) as '2025' | '2026';
    const target = month.slice(5) <= '02' ? demoTargets.signed[year] : undefined;
    if (target) {
      // The target's projects, split once per year, fall into January and February in turn.
      if (!targetShares.has(year)) targetShares.set(year, split(random, target.amount, target.count));
      const all = targetShares.get(year)!;
      const january = Math.ceil(target.count / 2);
      plan.push({ month, amounts: month.endsWith('01') ? all.slice(0, january) : all.slice(january) });
      continue;
    }
    const count =
      month < '2025-01' ? (month.slice(5) === '03' || random() < 0.45 ? 1 : 0) : int(random, 1, 3);
    plan.push({ month, amounts: Array.from({ length: count }, () => int(random, 30, 400) * 100) });
  }
  return plan;
}

/**
 * The projects, their stages and funds, and the monthly new market entities, all drawn from
 * `random`. Earlier signings take longer to reach production (the landing cycle shortens), and
 * about one project in six stops at a stage and stalls.
 */
export function demoProjects(random: Random, inputs: DemoProjectInputs) {
  const projects: DemoProject[] = [];
  const stages: Array<{ projectId: string; stage: string; reachedOn: string }> = [];
  const end = toDayNumber(demoEnd);
  for (const { month, amounts } of signingPlan(random)) {
    for (const amount of amounts) {
      const chainCode = pick(random, inputs.chains);
      const firm = random() < 0.2 && inputs.firms.length > 0 ? pick(random, inputs.firms) : null;
      const investor = firm?.name ?? `${pick(random, places)}${pick(random, words)}${pick(random, kinds)}`;
      const id = crypto.randomUUID();
      const signedOn = day(random, month);
      projects.push({
        id,
        name: `${investor.replace(/(有限公司|集团).*$/, '')}${pick(random, products[chainCode] ?? ['产业'])}项目`,
        investor,
        firmId: firm?.id ?? null,
        amount,
        chainCode,
        commissionerId: pick(random, inputs.commissioners),
        leadUnitId: inputs.leadUnits[chainCode]!,
        signedOn,
      });
      // Months since March 2024: the later the signing, the quicker the build.
      const age = toDayNumber(signedOn) - toDayNumber('2024-03-01');
      const pace = 1.35 - Math.min(age / 1000, 0.6);
      const stalls = random() < 0.17 ? int(random, 1, 4) : 5;
      let at = toDayNumber(signedOn);
      const gaps = [int(random, 20, 70), int(random, 40, 140), int(random, 180, 300), int(random, 120, 300)];
      for (const [i, stage] of (['registered', 'started', 'producing', 'effective'] as const).entries()) {
        if (i >= stalls - 1 && stalls < 5) break;
        at += Math.round(gaps[i]! * (i < 3 ? pace : 1));
        if (at > end) break;
        stages.push({ projectId: id, stage, reachedOn: fromDayNumber(at) });
      }
    }
  }
  const funds: Array<{ projectId: string; receivedOn: string; amount: number }> = [];
  for (const month of monthsBetween('2024-04', '2026-11')) {
    const year = month.slice(0, 4) as '2025' | '2026';
    const fixed = month.slice(5) <= '02' ? demoTargets.funds[year]?.[Number(month.slice(5)) - 1] : undefined;
    const open = projects.filter((p) => p.signedOn < `${month}-01`);
    if (open.length === 0) continue;
    const takers = [...open];
    // A partial Fisher–Yates shuffle: the first few are a random choice of the open projects.
    const k = Math.min(int(random, 2, 4), takers.length);
    for (let i = 0; i < k; i += 1) {
      const j = int(random, i, takers.length - 1);
      [takers[i], takers[j]] = [takers[j]!, takers[i]!];
    }
    takers.length = k;
    const shares = split(random, fixed ?? int(random, 60, 300) * 100, takers.length);
    takers.forEach((p, i) => {
      funds.push({ projectId: p.id, receivedOn: day(random, month), amount: shares[i]! });
    });
  }
  const entities = monthsBetween('2025-01', '2026-11').map((month) => {
    const year = month.slice(0, 4) as '2025' | '2026';
    const fixed = month.slice(5) <= '03' ? demoTargets.entities[year][Number(month.slice(5)) - 1] : undefined;
    return { month, count: fixed ?? int(random, 360, 520) };
  });
  return { projects, stages, funds, entities };
}
