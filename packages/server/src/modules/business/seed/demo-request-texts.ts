import { pick, type Random } from '@qianxing/core/random';

/**
 * The demo's requests, written from templates: per department (by unit code) the matters firms
 * raise with it, in the category they usually file them under, and the replies it gives.
 */
interface Matter {
  category: string;
  title: string;
  issue: string;
  ask: string;
}

const matters: Record<string, Matter[]> = {
  'QJ-D01': [
    {
      category: 'approval',
      title: '技改项目备案进度咨询',
      issue: '我司计划投资{amount}万元实施生产线技术改造，已在投资项目在线审批监管平台提交备案',
      ask: '请问备案还需补充哪些材料，能否加快办理',
    },
    {
      category: 'policy',
      title: '申报中央预算内投资项目',
      issue: '我司{product}项目拟申报中央预算内投资补助，对申报条件和时间节点不清楚',
      ask: '请发展改革部门给予政策指导',
    },
  ],
  'QJ-D02': [
    {
      category: 'factors',
      title: '生产用电容量不足',
      issue: '我司位于{town}工业园区，新增{product}生产线后变压器容量不足，近{n}周多次跳闸停产',
      ask: '请协调供电公司尽快增容改造',
    },
    {
      category: 'factors',
      title: '申请入驻标准厂房',
      issue: '我司订单增长，现有厂房不够用，希望在正阳工业园区租用约{area}平方米标准厂房',
      ask: '请告知标准厂房租赁条件和办理流程',
    },
    {
      category: 'policy',
      title: '工业企业技改补助兑现',
      issue: '我司去年完成智能化改造，按政策可申请技改补助，已提交资料{n}个月',
      ask: '请问补助何时能兑现',
    },
  ],
  'QJ-D05': [
    {
      category: 'infrastructure',
      title: '货车进城通行证办理',
      issue: '我司每天需向城区配送{product}，货车白天进城受限',
      ask: '请问如何办理货车通行证，能否放宽配送时段',
    },
    {
      category: 'other',
      title: '厂区周边治安问题',
      issue: '近{n}周我司{town}厂区夜间多次有人翻墙进入，丢失原材料',
      ask: '请加强夜间巡逻',
    },
  ],
  'QJ-D09': [
    {
      category: 'factors',
      title: '招工难需要对接劳动力',
      issue: '我司{product}车间缺少普工约{n}0人，多次招聘效果不好',
      ask: '请人力社保部门帮助对接劳动力资源，举办专场招聘会',
    },
    {
      category: 'policy',
      title: '稳岗返还资金未到账',
      issue: '我司符合失业保险稳岗返还条件，系统显示已审核通过，但{n}个月了资金仍未到账',
      ask: '请核实办理进度',
    },
    {
      category: 'policy',
      title: '职业技能培训补贴申请',
      issue: '我司组织员工参加{product}岗位技能培训共{n}0人次',
      ask: '请问培训补贴如何申请、需要哪些材料',
    },
  ],
  'QJ-D10': [
    {
      category: 'factors',
      title: '项目用地指标落实',
      issue: '我司{product}扩建项目已签约，需用地约{n}0亩，土地指标迟迟未落实',
      ask: '请规划自然资源部门协调用地报批',
    },
    {
      category: 'approval',
      title: '厂房不动产登记办证慢',
      issue: '我司在{town}的厂房已竣工验收，申请不动产登记已超过{n}周',
      ask: '请加快办理不动产权证',
    },
  ],
  'QJ-D11': [
    {
      category: 'approval',
      title: '环评审批时限咨询',
      issue: '我司{product}项目环境影响报告表已提交，项目急于开工',
      ask: '请问环评审批大约需要多长时间，能否并联办理',
    },
    {
      category: 'approval',
      title: '排污许可证延续',
      issue: '我司排污许可证将于{month}月到期，需要办理延续',
      ask: '请告知延续申请的材料和流程',
    },
  ],
  'QJ-D12': [
    {
      category: 'approval',
      title: '施工许可办理咨询',
      issue: '我司{product}厂房项目已取得规划许可，准备申领施工许可证',
      ask: '请问能否容缺受理，先行开工',
    },
    {
      category: 'infrastructure',
      title: '厂区燃气管道接入',
      issue: '我司食堂和烘干车间需要接入天然气，燃气管网未通到{town}园区',
      ask: '请协调燃气公司延伸管网',
    },
  ],
  'QJ-D13': [
    {
      category: 'infrastructure',
      title: '园区道路破损影响运输',
      issue: '{town}园区通往我司的道路路面破损严重，雨天货车无法通行',
      ask: '请尽快修复道路',
    },
    {
      category: 'approval',
      title: '道路运输经营许可办理',
      issue: '我司新购{n}辆货车开展物流运输业务',
      ask: '请问道路运输经营许可如何办理',
    },
  ],
  'QJ-D15': [
    {
      category: 'factors',
      title: '生产用水压力不足',
      issue: '我司{product}生产需要稳定供水，{town}片区高峰时段水压不足',
      ask: '请协调供水企业解决',
    },
  ],
  'QJ-D17': [
    {
      category: 'policy',
      title: '外贸出口扶持政策',
      issue: '我司{product}今年开始出口东南亚，对出口信用保险补贴政策不了解',
      ask: '请商务部门介绍外贸扶持政策',
    },
    {
      category: 'policy',
      title: '电商平台入驻补贴',
      issue: '我司准备在电商平台销售黔江{product}，听说有电商发展扶持资金',
      ask: '请问申报条件是什么',
    },
  ],
  'QJ-D18': [
    {
      category: 'policy',
      title: '民宿等级评定申请',
      issue: '我司在{town}经营的民宿已运营{n}年，希望参加乡村民宿等级评定',
      ask: '请告知评定标准和申报时间',
    },
  ],
  'QJ-D20': [
    {
      category: 'approval',
      title: '安全生产许可证办理',
      issue: '我司{product}生产涉及危险化学品使用，需要办理安全生产许可',
      ask: '请应急管理部门指导办理',
    },
  ],
  'QJ-D21': [
    {
      category: 'approval',
      title: '营业执照经营范围变更',
      issue: '我司拟增加{product}销售的经营范围',
      ask: '请问营业执照变更能否网上办理、多久办结',
    },
    {
      category: 'approval',
      title: '食品经营许可证办理',
      issue: '我司在{town}新开门店销售预包装食品和{product}',
      ask: '请问食品经营许可证需要哪些材料',
    },
    {
      category: 'market',
      title: '商标被仿冒侵权',
      issue: '我司注册的{product}商标近期在市场上发现仿冒产品',
      ask: '请市场监管部门依法查处',
    },
  ],
  'QJ-D24': [
    {
      category: 'other',
      title: '政务服务窗口排队时间长',
      issue: '我司办理{product}相关事项时在政务服务中心窗口排队超过{n}小时',
      ask: '建议增加窗口或推行预约办理',
    },
  ],
  'QJ-D25': [
    {
      category: 'approval',
      title: '厂房消防验收申请',
      issue: '我司{town}新建厂房已完工，需要办理消防验收',
      ask: '请尽快安排现场验收',
    },
  ],
};

/** Departments a matter is sometimes routed to instead (the office's judgement differs). */
const neighbours: Record<string, string> = {
  'QJ-D02': 'QJ-D01',
  'QJ-D01': 'QJ-D02',
  'QJ-D10': 'QJ-D12',
  'QJ-D12': 'QJ-D10',
  'QJ-D13': 'QJ-D12',
  'QJ-D15': 'QJ-D12',
  'QJ-D17': 'QJ-D02',
  'QJ-D24': 'QJ-D21',
  'QJ-D25': 'QJ-D20',
};

const products = [
  '食品',
  '建材',
  '中药材',
  '猕猴桃',
  '蚕丝',
  '电子元件',
  '白酒',
  '烤烟',
  '山地鸡',
  '脆红李',
  '农产品',
  '家具',
];
const replies = [
  '已安排专人对接，相关手续将于{n}个工作日内办结',
  '经研究，已协调相关单位制定解决方案，具体事项已电话告知贵公司',
  '相关政策文件和申报材料清单已发送至贵公司联系人，如需帮助可到窗口现场指导',
  '已会同属地镇街现场查看，问题已列入本月工作计划，将按期解决',
  '经核实，贵公司反映的问题属实，已督促责任单位整改',
];
const rectifyResults = [
  '整改后已再次上门回访，问题已解决，企业表示认可',
  '已重新核定办理方案并加快办理，相关事项已办结',
  '已约谈责任科室负责人，问题整改到位',
];
const comments = {
  good: ['办理很快，感谢', '答复清楚，问题已解决', '工作人员态度好', '', ''],
  fair: ['问题部分解决', '答复较笼统', ''],
  bad: ['答复敷衍，问题没有解决', '拖了很久没人管', '只给了政策文件，没有实际帮助'],
};

export const demoDepartmentCodes = Object.keys(matters);

export interface DemoRequestText {
  department: string;
  /** The department the office routes it to (now and then another than the matter's own). */
  routedTo: string;
  category: string;
  title: string;
  body: string;
}

const fill = (random: Random, template: string, town: string) =>
  template
    .replaceAll('{town}', town)
    .replaceAll('{product}', pick(random, products))
    .replaceAll('{amount}', String(100 * (1 + Math.floor(random() * 50))))
    .replaceAll('{area}', String(500 * (1 + Math.floor(random() * 8))))
    .replaceAll('{month}', String(1 + Math.floor(random() * 12)))
    .replaceAll('{n}', String(2 + Math.floor(random() * 6)));

/** One request's words: a matter of a department, in the firm's town. */
export function demoRequestText(random: Random, town: string): DemoRequestText {
  const department = pick(random, demoDepartmentCodes);
  const m = pick(random, matters[department]!);
  const other = neighbours[department];
  const routedTo = other && random() < 0.12 ? other : department;
  const body = `${fill(random, m.issue, town)}。${fill(random, m.ask, town)}。`;
  return { department, routedTo, category: m.category, title: m.title, body };
}

export const demoReply = (random: Random) => `${fill(random, pick(random, replies), '')}。`;
export const demoRectifyResult = (random: Random) => `${pick(random, rectifyResults)}。`;
export const demoComment = (random: Random, score: number) =>
  pick(random, score >= 4 ? comments.good : score === 3 ? comments.fair : comments.bad);
