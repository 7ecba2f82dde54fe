import type { eventKinds } from '../schema.js';

type Brief = { id: string; code: string };
type Kind = (typeof eventKinds)[number];

export interface DemoEvent {
  campaignId: string;
  kind: Kind;
  title: string;
  heldOn: string;
  place: string;
  organiserUnitId: string;
  attendanceCount: number;
  attendees: string[] | null;
  minutes: string;
}

type Row = [Kind, string, string, string, string, number, string[] | null, string];

// kind, title, date, place, organiser's unit code, attendance (the contest's is its contestants), attendees, minutes.
const rows: Row[] = [
  [
    'inviting_back',
    '“请回来”在外黔江籍人士座谈会',
    '2026-08-15',
    '区行政中心',
    'QJ',
    28,
    ['在外黔江籍企业家代表', '在外黔江籍专家学者代表', '区委统战部', '区工商联', '大讨论活动办公室'],
    '28位在外游子围绕高铁时代的产业与人才回流建言，提出建设返乡创业园、设立在外人才联络站等建议。',
  ],
  [
    'speech',
    '“我为黔江建设中心城市献一策”青年演讲比赛',
    '2026-09-26',
    '黔江民族中学',
    'QJ',
    0,
    null,
    '初赛、复赛、决赛三轮。',
  ],
  [
    'visit',
    '人大代表进村入户收集意见',
    '2026-07-20',
    '阿蓬江镇',
    'QJ-T01',
    32,
    ['区人大代表（32名）', '阿蓬江镇人大主席团'],
    '32名人大代表收集建议200余条。',
  ],
  [
    'going_out',
    '城西街道“走出去”企业恳谈会',
    '2026-07-25',
    '城西街道',
    'QJ-S03',
    45,
    ['城西街道党工委', '辖区商贸企业负责人', '个体工商户代表', '区商务委'],
    '企业反映停车难、招工难，建议在高铁站片区建设商贸综合体。',
  ],
  [
    'going_out',
    '走进正阳工业园区听企业心声',
    '2026-07-10',
    '正阳工业园区',
    'QJ-D02',
    36,
    ['区经济信息委', '正阳工业园区管委会', '园区规上企业负责人（22家）', '区市场监管局'],
    '企业集中反映物流成本高、用工季节性短缺，建议开通高铁快运、建设园区职工公寓。',
  ],
  [
    'going_out',
    '走进五里村院坝会听村民建议',
    '2026-07-30',
    '阿蓬江镇五里村',
    'QJ-T01',
    60,
    ['阿蓬江镇党委', '五里村“两委”', '村民代表', '驻村工作队'],
    '村民建议发展脆红李深加工，完善通组公路和冷链设施。',
  ],
  [
    'going_out',
    '赴渝北区学习临空经济发展经验',
    '2026-08-05',
    '重庆市渝北区',
    'QJ-D01',
    12,
    ['区发展改革委', '区商务委', '区规划自然资源局', '正阳工业园区管委会'],
    '学习临空产业园规划与招商做法，形成高铁枢纽经济区建设的考察报告。',
  ],
  [
    'inviting_back',
    '请回来：在外黔江籍企业家座谈会',
    '2026-09-12',
    '区行政中心',
    'QJ-D17',
    35,
    ['在外黔江籍企业家（26名）', '区商务委', '区工商联', '区投资促进中心'],
    '企业家关注营商环境和产业配套，7个返乡投资意向项目当场对接。',
  ],
  [
    'inviting_back',
    '请回来：黔江籍在外专家学者建言高铁新城',
    '2026-10-10',
    '区委党校',
    'QJ-D04',
    18,
    ['黔江籍高校教授与科研人员', '区科技局', '区规划自然资源局', '区委组织部人才办'],
    '专家建议高铁新城以职住平衡为原则规划，设立黔江籍专家顾问团。',
  ],
  [
    'inviting_back',
    '请回来：返乡创业青年恳谈会',
    '2026-09-20',
    '城西街道便民服务中心',
    'QJ-S03',
    24,
    ['返乡创业青年', '城西街道党工委', '团区委', '区人力社保局'],
    '返乡青年希望简化创业担保贷款手续，建议建设青年创业孵化基地。',
  ],
];

/**
 * The campaign's events in Qianjiang's shape: the natives' symposium first and the youth speech
 * contest second, then the deputies' visits, and the 走出去 (to firms, villages and a peer
 * district) and 请回来 (natives, entrepreneurs, experts and young returnees invited back) the
 * campaign is known by.
 */
export function demoEvents(
  campaignId: string,
  byCode: Map<string, Brief>,
  towns: Brief[],
  speechContestants: number,
): DemoEvent[] {
  return rows.map(([kind, title, heldOn, place, organiser, count, attendees, minutes]) => ({
    campaignId,
    kind,
    title,
    heldOn,
    place,
    organiserUnitId: (byCode.get(organiser) ?? towns[0]!).id,
    attendanceCount: kind === 'speech' ? speechContestants : count,
    attendees,
    minutes,
  }));
}

/** The event a demo suggestion was collected at: homecoming ones at 请回来, outreach ones at 走出去, on-site ones at the contest. */
export function demoEventOf(channel: string, i: number, events: ReadonlyArray<{ id: string; kind: string }>) {
  const of = (kind: string) => events.filter((e) => e.kind === kind);
  const pool =
    channel === 'homecoming'
      ? of('inviting_back')
      : channel === 'outreach'
        ? of('going_out')
        : channel === 'event'
          ? of('speech')
          : [];
  return pool.length ? pool[i % pool.length]!.id : null;
}
