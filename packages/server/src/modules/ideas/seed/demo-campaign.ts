import type { CriterionDef, DomainDef, FocusAreaDef, SurveyQuestionDef } from '../schema.js';

/**
 * The demo campaign, modelled on Qianjiang's 2020 campaign and dated in the second half of 2026,
 * so that the demo shows a campaign under way: it opened on 1 July and takes suggestions until the
 * end of the year (or for two months after the demo is seeded, whichever is later, as an office
 * would extend it).
 */
export const DEMO_STARTS_ON = '2026-07-01';
/**
 * The demo's participation is dated from the start up to the moment the demo is seeded (a day
 * at least), as a campaign still taking suggestions is: its daily chart runs up to today.
 */
export function demoSpanMs(now = new Date()): number {
  return Math.max(86_400_000, now.getTime() - Date.parse(`${DEMO_STARTS_ON}T00:00:00+08:00`));
}
const DEMO_ENDS_ON = '2026-12-31';

export function demoEndsOn(now = new Date()): string {
  const later = new Date(now.getTime() + 61 * 86_400_000).toISOString().slice(0, 10);
  return later > DEMO_ENDS_ON ? later : DEMO_ENDS_ON;
}

/**
 * The focus areas as the office configures them for the demo. The names are the campaign's
 * slogan; what each stands for is the demo's own wording of the district's aims (武陵山区,
 * 渝东南, the high-speed railway), not a quotation of an official document.
 */
export const demoFocusAreas: FocusAreaDef[] = [
  { name: '两高地', description: '武陵山区现代产业高地、渝东南开放高地：园区、招商与对外通道' },
  { name: '一中心', description: '渝东南区域中心城市：医疗、教育、商贸与公共服务辐射周边' },
  { name: '一门户', description: '重庆东南向开放门户：高铁站城融合、交通枢纽与物流集散' },
  { name: '一示范区', description: '民族地区生态文明与文旅融合示范区：绿水青山与土家苗寨文化' },
];

export const demoDomains: DomainDef[] = [
  {
    code: 'industry',
    name: '产业升级',
    description: '工业园区 制造业 企业 招商引资 产业链 民营经济 营商环境 电商 物流',
  },
  {
    code: 'culture',
    name: '文化挖掘',
    description: '土家族 苗族 民族文化 非遗 濯水古镇 南溪号子 文化品牌 文创 博物馆',
  },
  {
    code: 'technology',
    name: '科技创新',
    description: '科技 研发 创新平台 数字经济 大数据 人才 高新技术 孵化器 5G',
  },
  {
    code: 'ecology',
    name: '生态保护',
    description: '生态 环境 绿水青山 阿蓬江 污水 垃圾分类 植树 森林 空气 河长制',
  },
  {
    code: 'transport',
    name: '交通出行',
    description: '高铁 黔江站 公交 道路 停车 交通枢纽 机场 快速路 出行',
  },
  { code: 'education', name: '教育', description: '学校 教师 学生 职业教育 幼儿园 课后服务 高校 教育资源' },
  { code: 'health', name: '医疗卫生', description: '医院 医生 看病 医保 养老 社区卫生 急救 健康 中医' },
  { code: 'tourism', name: '文旅融合', description: '旅游 景区 小南海 神龟峡 民宿 游客 旅游线路 康养 避暑' },
  {
    code: 'agriculture',
    name: '乡村振兴',
    description: '农业 农村 农民 脆红李 蚕桑 猕猴桃 合作社 乡村 产业扶贫',
  },
  {
    code: 'governance',
    name: '城市治理',
    description: '城市管理 社区 物业 老旧小区 政务服务 网格 安全 市容',
  },
];

export const demoRubric: CriterionDef[] = [
  { code: 'value', name: '价值性', weight: 0.3 },
  { code: 'feasibility', name: '可行性', weight: 0.3 },
  { code: 'innovation', name: '创新性', weight: 0.2 },
  { code: 'benefit', name: '普惠性', weight: 0.2 },
];

export const demoRejectReasons = [
  'off_topic',
  'duplicate',
  'insufficient',
  'inappropriate',
  'personal_matter',
];

/** The demo campaign's survey (问卷): what residents expect from the high-speed railway. */
export const demoSurvey: SurveyQuestionDef[] = [
  {
    code: 'travel',
    text: '高铁开通后，您最常用什么方式往返高铁站？',
    kind: 'single',
    options: ['公交', '出租车或网约车', '自驾', '亲友接送'],
    required: true,
  },
  {
    code: 'priorities',
    text: '您最希望优先改善哪些方面？（可多选）',
    kind: 'multiple',
    options: ['站城接驳', '城市形象', '旅游服务', '营商环境', '公共服务'],
    required: true,
  },
  { code: 'words', text: '您还有什么意见和建议？', kind: 'text', options: [], required: false },
];

export const demoCampaign = {
  code: 'QJ-2026-GT',
  theme: '迎接高铁时代 建设中心城市',
  startsOn: DEMO_STARTS_ON,
  focusAreas: demoFocusAreas,
  domains: demoDomains,
  channels: ['online', 'written', 'outreach', 'homecoming', 'event'],
  authorKinds: ['resident', 'cadre', 'native_abroad', 'student', 'enterprise', 'deputy'],
  rubric: demoRubric,
  rejectReasons: demoRejectReasons,
  listSizes: { golden_idea: 10, good_idea: 10, hard_problem: 10 },
  reviewersPerItem: 3,
  // Three demo experts: room for the 300 seeded reviews and the office's own shortlist.
  maxReviewsPerExpert: 400,
  shortlistQuota: { perDomain: 30, byDomain: {} },
  publication: 'after_acceptance' as const,
  survey: demoSurvey,
  isCurrent: true,
};
