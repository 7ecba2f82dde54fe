import { creditCodeAlphabet, withCheckCharacter } from '@qianxing/core/business';
import { pick, type Random } from '@qianxing/core/random';
import type { FirmContact, FirmSize } from './schema.js';

/** GB/T 2260 code of 重庆市黔江区, the demo district's registering office. */
const districtDivision = '500114';

/** Trade names (字号) of the demo firms: places and hills of the district, and words firms like. */
const tradeNames = [
  '武陵',
  '阿蓬江',
  '濯水',
  '仰头山',
  '黔龙',
  '渝东南',
  '鸿发',
  '金桥',
  '恒信',
  '华兴',
  '盛达',
  '鑫源',
  '宏远',
  '兴旺',
  '正阳',
  '舟白',
  '鹅池',
  '小南海',
  '蒲花',
  '山水',
  '绿源',
  '春晖',
  '顺达',
  '永安',
  '利民',
  '富民',
  '嘉诚',
  '裕丰',
  '博远',
  '天元',
  '和美',
  '德润',
  '聚福',
  '晨曦',
  '瑞丰',
  '长青',
  '丰泰',
  '土家',
  '神龟峡',
  '八面山',
];

type Form = 'company' | 'cooperative' | 'individual';

/** What firms of each industry section are called, and the form they usually take. */
const trades: Array<{ industry: string; words: string[]; form: Form; weight: number }> = [
  {
    industry: 'A',
    words: ['生态农业', '中药材种植', '特色养殖', '猕猴桃种植', '桑蚕养殖'],
    form: 'cooperative',
    weight: 10,
  },
  { industry: 'B', words: ['矿业', '石材开采'], form: 'company', weight: 1 },
  {
    industry: 'C',
    words: ['食品', '农产品加工', '建材', '机械制造', '丝绸', '电子科技', '制药', '酒业', '烤烟加工'],
    form: 'company',
    weight: 18,
  },
  { industry: 'D', words: ['水务', '电力', '燃气'], form: 'company', weight: 1 },
  { industry: 'E', words: ['建筑工程', '建设工程', '路桥工程', '装饰工程'], form: 'company', weight: 9 },
  { industry: 'F', words: ['商贸', '医药连锁', '农资'], form: 'company', weight: 6 },
  { industry: 'F', words: ['超市', '便利店', '农资经营部', '商行'], form: 'individual', weight: 12 },
  { industry: 'G', words: ['物流', '运输', '客运'], form: 'company', weight: 5 },
  { industry: 'H', words: ['酒店', '餐饮管理'], form: 'company', weight: 3 },
  { industry: 'H', words: ['土家菜馆', '餐馆', '农家乐', '民宿'], form: 'individual', weight: 7 },
  { industry: 'I', words: ['网络科技', '信息技术', '软件开发'], form: 'company', weight: 4 },
  { industry: 'J', words: ['小额贷款', '融资担保'], form: 'company', weight: 1 },
  { industry: 'K', words: ['房地产开发', '物业管理'], form: 'company', weight: 3 },
  { industry: 'L', words: ['商务咨询', '人力资源', '广告'], form: 'company', weight: 4 },
  { industry: 'M', words: ['检测', '工程设计', '科技服务'], form: 'company', weight: 2 },
  { industry: 'N', words: ['环保', '园林绿化'], form: 'company', weight: 2 },
  { industry: 'O', words: ['家政服务部', '汽车维修部', '理发店'], form: 'individual', weight: 5 },
  { industry: 'P', words: ['职业培训', '教育咨询'], form: 'company', weight: 2 },
  { industry: 'Q', words: ['诊所', '养老服务', '康复中心'], form: 'company', weight: 2 },
  { industry: 'R', words: ['文化传媒', '旅游开发', '体育发展'], form: 'company', weight: 3 },
];

/** The organisation category of each form (GB 32100-2015 authority 9: 1 企业, 2 个体工商户, 3 农民专业合作社). */
const categoryOf: Record<Form, string> = { company: '1', individual: '2', cooperative: '3' };

const surnames = ['张', '李', '王', '刘', '陈', '杨', '黄', '吴', '周', '谢', '冉', '向', '罗', '田', '彭'];
const givenNames = [
  '明',
  '华',
  '芳',
  '军',
  '丽',
  '勇',
  '敏',
  '静',
  '强',
  '燕',
  '涛',
  '霞',
  '建国',
  '小红',
  '志刚',
];

export interface DemoFirm {
  name: string;
  creditCode: string;
  industryCode: string;
  size: FirmSize;
  contacts: FirmContact[];
}

function weighted<T extends { weight: number }>(rand: Random, items: readonly T[]): T {
  let at = rand() * items.reduce((s, i) => s + i.weight, 0);
  for (const item of items) {
    at -= item.weight;
    if (at < 0) return item;
  }
  return items[items.length - 1]!;
}

/** Micro firms are most, large ones few (the shares of a mountain district, roughly). */
function sizeFor(rand: Random, form: Form): FirmSize {
  if (form !== 'company') return rand() < 0.85 ? 'micro' : 'small';
  const x = rand();
  return x < 0.5 ? 'micro' : x < 0.82 ? 'small' : x < 0.96 ? 'medium' : 'large';
}

/** A firm's name as registered: 重庆武陵食品有限公司, 重庆市黔江区濯水镇武陵生态农业专业合作社, 黔江区鸿发超市. */
function nameFor(rand: Random, form: Form, words: string[], town: string): string {
  const trade = `${pick(rand, tradeNames)}${pick(rand, words)}`;
  if (form === 'cooperative') return `重庆市黔江区${town}${trade}专业合作社`;
  if (form === 'individual') return `黔江区${trade}`;
  return `重庆${trade}${rand() < 0.85 ? '有限公司' : '股份有限公司'}`;
}

/** A code as the registering office would issue it: 9, the category, 500114, MA and seven more. */
function codeFor(rand: Random, form: Form): string {
  const subject = Array.from({ length: 7 }, () => pick(rand, [...creditCodeAlphabet])).join('');
  return withCheckCharacter(`9${categoryOf[form]}${districtDivision}MA${subject}`);
}

const contactFor = (rand: Random): FirmContact => ({
  name: `${pick(rand, surnames)}${pick(rand, givenNames)}`,
  phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
});

/**
 * `count` demo firms over the towns given (by name), each with a valid credit code
 * and a name no other of them has, from the seeded generator: the same district on every machine.
 */
export function demoFirms(
  rand: Random,
  count: number,
  towns: readonly string[],
): Array<DemoFirm & { town: number }> {
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: Array<DemoFirm & { town: number }> = [];
  while (out.length < count) {
    const trade = weighted(rand, trades);
    const town = Math.floor(rand() * towns.length);
    const name = nameFor(rand, trade.form, trade.words, towns[town]!);
    const creditCode = codeFor(rand, trade.form);
    if (names.has(name) || codes.has(creditCode)) continue;
    names.add(name);
    codes.add(creditCode);
    const contacts = [contactFor(rand), ...(rand() < 0.3 ? [contactFor(rand)] : [])];
    out.push({
      name,
      creditCode,
      industryCode: trade.industry,
      size: sizeFor(rand, trade.form),
      contacts,
      town,
    });
  }
  return out;
}
