import type { IndicatorInput } from '../contracts/library.js';

type Subject = [name: string, measure: string, direction: 'higher' | 'lower', source: string];
type Aspect = [suffix: string, measure: ((m: string) => string) | null];

/**
 * 308 demo indicators (marked demo): subjects of each category crossed with the ways a
 * district states them (total, growth, per capita, share). Plausible, not official.
 */
const economy: Subject[] = [
  ['地区生产总值', '亿元', 'higher', '区统计局'],
  ['规模以上工业增加值', '亿元', 'higher', '区经济信息委'],
  ['固定资产投资', '亿元', 'higher', '区发展改革委'],
  ['社会消费品零售总额', '亿元', 'higher', '区商务委'],
  ['一般公共预算收入', '亿元', 'higher', '区财政局'],
  ['进出口总额', '亿元', 'higher', '区商务委'],
  ['实际利用外资', '万美元', 'higher', '区商务委'],
  ['招商引资到位资金', '亿元', 'higher', '区商务委'],
  ['新增市场主体', '户', 'higher', '区市场监管局'],
  ['旅游接待人次', '万人次', 'higher', '区文化旅游委'],
  ['旅游综合收入', '亿元', 'higher', '区文化旅游委'],
  ['农业总产值', '亿元', 'higher', '区农业农村委'],
  ['农村居民人均可支配收入', '元', 'higher', '区统计局'],
  ['城镇居民人均可支配收入', '元', 'higher', '区统计局'],
  ['金融机构存款余额', '亿元', 'higher', '区财政局'],
  ['金融机构贷款余额', '亿元', 'higher', '区财政局'],
  ['高新技术企业数', '家', 'higher', '区科技局'],
  ['研发经费投入', '亿元', 'higher', '区科技局'],
  ['数字经济核心产业增加值', '亿元', 'higher', '区经济信息委'],
  ['网络零售额', '亿元', 'higher', '区商务委'],
  ['民营经济增加值', '亿元', 'higher', '区发展改革委'],
  ['税收收入', '亿元', 'higher', '区财政局'],
  ['服务业增加值', '亿元', 'higher', '区统计局'],
  ['建筑业总产值', '亿元', 'higher', '区住房城乡建委'],
  ['货物运输量', '万吨', 'higher', '区交通运输委'],
];
const economyAspects: Aspect[] = [
  ['', null],
  ['增速', () => '%'],
  ['人均', (m) => (m === '亿元' ? '元' : m)],
  ['占全市比重', () => '%'],
];
const society: Subject[] = [
  ['城镇新增就业', '人', 'higher', '区人力社保局'],
  ['城镇调查失业率', '%', 'lower', '区人力社保局'],
  ['每千人口执业（助理）医师数', '人', 'higher', '区卫生健康委'],
  ['每千人口医疗卫生机构床位数', '张', 'higher', '区卫生健康委'],
  ['学前教育毛入园率', '%', 'higher', '区教委'],
  ['九年义务教育巩固率', '%', 'higher', '区教委'],
  ['高中阶段毛入学率', '%', 'higher', '区教委'],
  ['基本养老保险参保率', '%', 'higher', '区人力社保局'],
  ['基本医疗保险参保率', '%', 'higher', '区医保局'],
  ['人均公共文化设施面积', '平方米', 'higher', '区文化旅游委'],
  ['人均体育场地面积', '平方米', 'higher', '区教委'],
  ['婴儿死亡率', '‰', 'lower', '区卫生健康委'],
  ['孕产妇死亡率', '1/10万', 'lower', '区卫生健康委'],
  ['每千名老人养老床位数', '张', 'higher', '区民政局'],
  ['保障性租赁住房筹集', '套', 'higher', '区住房城乡建委'],
  ['刑事案件发案率', '件/万人', 'lower', '区公安局'],
  ['生产安全事故死亡人数', '人', 'lower', '区应急管理局'],
  ['道路交通事故死亡人数', '人', 'lower', '区公安局'],
  ['群众安全感指数', '%', 'higher', '区司法局'],
  ['每万人口高价值发明专利拥有量', '件', 'higher', '区市场监管局'],
];
const regionAspects: Aspect[] = [
  ['', null],
  ['（城区）', null],
  ['（乡镇）', null],
  ['年度改善值', null],
];
const environment: Subject[] = [
  ['空气质量优良天数比例', '%', 'higher', '区生态环境局'],
  ['PM2.5年均浓度', 'μg/m³', 'lower', '区生态环境局'],
  ['地表水国控断面达标率', '%', 'higher', '区生态环境局'],
  ['森林覆盖率', '%', 'higher', '区规划自然资源局'],
  ['单位地区生产总值能耗', '吨标准煤/万元', 'lower', '区发展改革委'],
  ['单位地区生产总值二氧化碳排放', '吨/万元', 'lower', '区生态环境局'],
  ['城市生活污水集中处理率', '%', 'higher', '区住房城乡建委'],
  ['生活垃圾无害化处理率', '%', 'higher', '区城市管理局'],
  ['农村生活污水治理率', '%', 'higher', '区生态环境局'],
  ['建成区绿地率', '%', 'higher', '区城市管理局'],
  ['水土流失治理面积', '平方公里', 'higher', '区水利局'],
  ['化肥施用量', '吨', 'lower', '区农业农村委'],
  ['万元工业增加值用水量', '立方米', 'lower', '区水利局'],
  ['清洁能源装机容量', '万千瓦', 'higher', '区发展改革委'],
  ['土壤污染地块安全利用率', '%', 'higher', '区生态环境局'],
  ['新能源汽车保有量', '辆', 'higher', '区交通运输委'],
];
const governance: Subject[] = [
  ['政务服务事项全程网办率', '%', 'higher', '区政务服务办'],
  ['企业开办时间', '个工作日', 'lower', '区市场监管局'],
  ['工程建设项目审批时间', '个工作日', 'lower', '区住房城乡建委'],
  ['12345热线按时办结率', '%', 'higher', '区政务服务办'],
  ['政务服务好评率', '%', 'higher', '区政务服务办'],
  ['行政复议纠错率', '%', 'lower', '区司法局'],
  ['信访事项及时受理率', '%', 'higher', '区司法局'],
  ['矛盾纠纷调解成功率', '%', 'higher', '区司法局'],
  ['营商环境评价得分', '分', 'higher', '区发展改革委'],
  ['双随机抽查覆盖率', '%', 'higher', '区市场监管局'],
  ['涉企检查次数', '次', 'lower', '区市场监管局'],
  ['政府债务率', '%', 'lower', '区财政局'],
  ['数字化城市管理案件结案率', '%', 'higher', '区城市管理局'],
  ['基层网格员配备率', '%', 'higher', '区民政局'],
  ['村（社区）法律顾问覆盖率', '%', 'higher', '区司法局'],
  ['火灾事故起数', '起', 'lower', '区消防救援支队'],
];

function expand(
  prefix: string,
  category: IndicatorInput['category'],
  subjects: Subject[],
  aspects: Aspect[],
): IndicatorInput[] {
  const out: IndicatorInput[] = [];
  for (const [suffix, measure] of aspects)
    for (const [name, m, direction, source] of subjects)
      out.push({
        code: `${prefix}-${String(out.length + 1).padStart(3, '0')}`,
        name: `${name}${suffix}`,
        measure: measure ? measure(m) : m,
        direction: suffix === '年度改善值' ? 'higher' : direction,
        category,
        source,
        frequency: 'quarterly',
      });
  return out;
}

/**
 * Which kind of unit a demo indicator is for: the towns' own figures are stated 「（乡镇）」, the
 * rest (the district's totals, rates and its urban area, 「（城区）」) are the departments'. The
 * library holds no such mark; the demo's catch-up plans follow this one.
 */
export function demoIndicatorFor(name: string): 'department' | 'town' {
  return name.endsWith('（乡镇）') ? 'town' : 'department';
}

export const demoIndicators: IndicatorInput[] = [
  ...expand('ECO', 'economy', economy, economyAspects),
  ...expand('SOC', 'society', society, regionAspects),
  ...expand('ENV', 'environment', environment, regionAspects),
  ...expand('GOV', 'governance', governance, regionAspects),
];
