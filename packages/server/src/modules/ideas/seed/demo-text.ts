import { pick, type Random } from '@qianxing/core/random';

/** Varied Chinese suggestion texts for the demo, from templates per domain. */
const bank: Record<string, { subjects: string[]; actions: string[]; reasons: string[] }> = {
  industry: {
    subjects: [
      '正阳工业园区',
      '绿色食品加工产业',
      '特色电商产业',
      '新型建材产业',
      '中小微企业融资',
      '招商引资政策',
      '物流园区',
      '民营企业用工',
    ],
    actions: ['加快建设', '完善配套', '培育壮大', '优化提升', '延伸产业链', '出台扶持政策支持'],
    reasons: [
      '高铁开通后物流成本明显下降',
      '周边区县竞争日益激烈',
      '企业反映用地用工困难',
      '产业集聚效应还不明显',
    ],
  },
  culture: {
    subjects: [
      '土家族摆手舞',
      '南溪号子',
      '濯水古镇文化',
      '苗族刺绣非遗',
      '黔江历史名人',
      '民族博物馆',
      '西兰卡普织锦',
      '后坝山歌',
    ],
    actions: ['深入挖掘', '系统整理', '打造品牌', '进校园传承', '数字化保护', '开发文创产品'],
    reasons: [
      '年轻人了解得越来越少',
      '民族文化是最大的特色',
      '游客想买却买不到有特色的纪念品',
      '老艺人年事已高',
    ],
  },
  technology: {
    subjects: [
      '大数据产业园',
      '科技创新平台',
      '高新技术企业',
      '人才公寓',
      '5G基站',
      '科技孵化器',
      '智慧城市平台',
      '农业科技推广',
    ],
    actions: ['规划建设', '加大投入', '引进培育', '完善激励机制', '加快布局', '搭建合作平台'],
    reasons: ['本地人才外流严重', '创新能力是赶超的关键', '企业缺少研发支撑', '数字经济发展滞后'],
  },
  ecology: {
    subjects: [
      '阿蓬江流域',
      '城区污水管网',
      '垃圾分类',
      '城市绿道',
      '矿山生态修复',
      '乡镇污水处理',
      '森林防火',
      '河道保洁',
    ],
    actions: ['加强治理', '全面推行', '加快建设', '完善长效机制', '加大执法力度', '引导群众参与'],
    reasons: ['雨季河水浑浊', '生态是黔江最大的优势', '部分乡镇污水直排', '群众环保意识有待提高'],
  },
  transport: {
    subjects: [
      '黔江高铁站',
      '城区停车位',
      '高铁站公交接驳',
      '城区主干道',
      '乡村公路',
      '武陵山机场航线',
      '城市快速通道',
      '出租车管理',
    ],
    actions: ['优化', '增设', '加快改造', '开通专线', '规范管理', '完善配套'],
    reasons: ['高铁开通后客流大增', '上下班高峰期拥堵严重', '群众出行不方便', '外地游客找不到车'],
  },
  education: {
    subjects: [
      '城区学校学位',
      '乡村教师待遇',
      '职业教育',
      '课后托管服务',
      '幼儿园',
      '校园周边安全',
      '高校合作办学',
      '留守儿童关爱',
    ],
    actions: ['扩大供给', '提高', '做强做优', '全面推开', '新建改扩建', '加强'],
    reasons: ['城区大班额问题突出', '优秀教师留不住', '产业发展缺技能人才', '双职工家庭接孩子困难'],
  },
  health: {
    subjects: [
      '区域医疗中心',
      '社区卫生服务站',
      '养老服务',
      '医保异地结算',
      '急救站点',
      '中医药产业',
      '家庭医生签约',
      '看病挂号',
    ],
    actions: ['加快建设', '完善', '提升服务能力', '简化流程', '合理布局', '推广'],
    reasons: [
      '周边区县群众来黔江看病的多',
      '老龄化程度不断加深',
      '群众反映看病排队时间长',
      '乡镇医疗力量薄弱',
    ],
  },
  tourism: {
    subjects: [
      '小南海景区',
      '神龟峡',
      '濯水古镇',
      '乡村民宿',
      '旅游线路',
      '夜间经济',
      '旅游厕所',
      '避暑康养',
    ],
    actions: ['整体包装', '提档升级', '串联打造', '规范发展', '加大宣传推介', '完善服务设施'],
    reasons: ['高铁开通带来大量游客', '景区之间交通不便', '游客停留时间短', '旅游旺季接待能力不足'],
  },
  agriculture: {
    subjects: [
      '脆红李产业',
      '蚕桑产业',
      '猕猴桃基地',
      '农村电商',
      '农民专业合作社',
      '高标准农田',
      '农产品冷链',
      '乡村人居环境',
    ],
    actions: ['做大做强', '提质增效', '培育品牌', '拓宽销路', '加大扶持', '整治提升'],
    reasons: ['农产品卖不上价', '种植规模小而散', '年轻人不愿留在农村', '销售渠道单一'],
  },
  governance: {
    subjects: [
      '老旧小区改造',
      '物业管理',
      '政务服务大厅',
      '社区网格化管理',
      '占道经营',
      '城市照明',
      '消防通道',
      '噪音扰民',
    ],
    actions: ['加快推进', '规范', '优化流程', '完善', '加强整治', '建立长效机制'],
    reasons: ['居民反映强烈', '办事要跑好几趟', '影响城市形象', '存在安全隐患'],
  },
};

/**
 * Where a suggestion asks for something: the town names stand for the author's own town (the
 * demo names it once the suggestion's town is known, `inOwnTown`), so that no suggestion tagged
 * with one town asks for another.
 */
const places = [
  '城区',
  '城西街道',
  '正阳街道',
  '舟白街道',
  '濯水镇',
  '石会镇',
  '马喇镇',
  '阿蓬江镇',
  '小南海镇',
  '黑溪镇',
  '全区',
];
const closings = [
  '希望有关部门尽快研究落实。',
  '建议列入明年重点工作。',
  '这是群众普遍关心的问题。',
  '可以借鉴涪陵和恩施的做法。',
  '建议先选一两个点试点再推开。',
  '相信能为建设中心城市出一份力。',
];

export const demoDomainCodes = Object.keys(bank);

/** Stands in a demo text for the suggestion's own town until `inOwnTown` names it. */
const OWN_TOWN = '〔本镇〕';

/** A demo text with its town named: the town the suggestion is tagged with. */
export function inOwnTown(text: { title: string; body: string }, town: string) {
  return { title: text.title.replaceAll(OWN_TOWN, town), body: text.body.replaceAll(OWN_TOWN, town) };
}

/** One suggestion of a domain: a title and a body of two to four sentences. */
export function demoSuggestionText(rand: Random, domain: string): { title: string; body: string } {
  const b = bank[domain]!;
  const subject = pick(rand, b.subjects);
  const action = pick(rand, b.actions);
  const named = pick(rand, places);
  const place = named === '城区' || named === '全区' ? named : OWN_TOWN;
  const titleForms = [
    `关于${action}${subject}的建议`,
    `${action}${subject}`,
    `建议${place}${action}${subject}`,
    `对${subject}的几点意见`,
  ];
  const other = pick(rand, b.subjects);
  const sentences = [
    `建议${place}${action}${subject}，${pick(rand, b.reasons)}。`,
    rand() < 0.6 ? `同时要统筹考虑${other}，${pick(rand, b.actions)}${other}。` : '',
    rand() < 0.5 ? `目前${pick(rand, b.reasons)}，迎接高铁时代需要早做准备。` : '',
    pick(rand, closings),
  ];
  return { title: pick(rand, titleForms), body: sentences.filter(Boolean).join('') };
}

/** A near duplicate of a text: a word changed and a sentence added, as people re-submit. */
export function nearDuplicate(rand: Random, text: { title: string; body: string }) {
  const body = text.body.replace('建议', pick(rand, ['我建议', '强烈建议', '希望'])) + pick(rand, closings);
  return { title: text.title.replace('关于', '对于'), body };
}
