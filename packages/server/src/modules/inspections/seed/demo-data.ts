/**
 * The demo district's inspection lists (检查事项清单) of eight departments: each item's name,
 * legal basis, the qualification it needs and its expected minutes. Illustrative, after the
 * published 随机抽查事项清单 of Chongqing's districts.
 */
export interface DemoDepartment {
  unit: string;
  code: string;
  qualification: string;
  items: Array<[name: string, legalBasis: string, minutes: number, needsQualification: boolean]>;
}

export const demoDepartments: DemoDepartment[] = [
  {
    unit: 'QJ-D21',
    code: 'SJ',
    qualification: '市场监管执法',
    items: [
      ['食品经营许可及经营行为检查', '《中华人民共和国食品安全法》第一百一十条', 40, true],
      ['产品质量监督检查', '《中华人民共和国产品质量法》第十五条', 30, true],
      ['营业执照及公示信息检查', '《企业信息公示暂行条例》第十四条', 15, false],
    ],
  },
  {
    unit: 'QJ-D11',
    code: 'HJ',
    qualification: '生态环境执法',
    items: [
      ['排污许可执行情况检查', '《排污许可管理条例》第三十二条', 45, true],
      ['危险废物规范化管理检查', '《中华人民共和国固体废物污染环境防治法》第二十九条', 30, true],
    ],
  },
  {
    unit: 'QJ-D20',
    code: 'YJ',
    qualification: '安全生产执法',
    items: [
      ['安全生产主体责任落实检查', '《中华人民共和国安全生产法》第六十五条', 40, true],
      ['应急预案及演练情况检查', '《生产安全事故应急条例》第二十五条', 20, false],
    ],
  },
  {
    unit: 'QJ-D25',
    code: 'XF',
    qualification: '消防监督检查',
    items: [
      ['消防安全管理检查', '《中华人民共和国消防法》第五十三条', 35, true],
      ['消防设施器材检查', '《消防监督检查规定》第十条', 20, true],
    ],
  },
  {
    unit: 'QJ-D19',
    code: 'WJ',
    qualification: '卫生监督执法',
    items: [
      ['公共场所卫生检查', '《公共场所卫生管理条例》第十条', 30, true],
      ['职业病危害防治检查', '《中华人民共和国职业病防治法》第六十二条', 30, true],
    ],
  },
  {
    unit: 'QJ-D09',
    code: 'RS',
    qualification: '劳动保障监察',
    items: [
      ['劳动合同签订及工资支付检查', '《劳动保障监察条例》第十一条', 30, true],
      ['社会保险参保缴费检查', '《中华人民共和国社会保险法》第七十九条', 20, false],
    ],
  },
  {
    unit: 'QJ-D18',
    code: 'WL',
    qualification: '文化市场执法',
    items: [
      ['文化经营场所许可检查', '《娱乐场所管理条例》第三十四条', 25, true],
      ['旅行社经营行为检查', '《旅行社条例》第四十一条', 25, true],
    ],
  },
  {
    unit: 'QJ-D12',
    code: 'ZJ',
    qualification: '建设工程执法',
    items: [
      ['建筑施工安全检查', '《建设工程安全生产管理条例》第四十条', 45, true],
      ['建筑市场行为检查', '《建筑市场诚信行为信息管理办法》第六条', 25, false],
    ],
  },
];

/** Inspectors' names (four per department). */
export const inspectorNames = [
  '王建国',
  '李晓燕',
  '张伟',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄丽',
  '周强',
  '吴敏',
  '徐涛',
  '孙倩',
  '胡军',
  '朱红',
  '高峰',
  '林娜',
  '何勇',
  '郭婷',
  '马超',
  '罗佳',
  '梁斌',
  '宋雪',
  '郑凯',
  '谢芳',
  '韩冰',
  '唐亮',
  '冯燕',
  '于洋',
  '董明',
  '萧瑶',
  '程浩',
  '曹颖',
];

/** The demo's tasks: departments by unit code, firms per risk level, team size; the last is announced only. */
export const demoTasks: Array<{
  title: string;
  units: string[];
  sample: { high: number; medium: number; low: number };
  perVisit: number;
  announced: string;
  drawn: boolean;
}> = [
  {
    title: '2026年第一季度食品经营双随机抽查',
    units: ['QJ-D21'],
    sample: { high: 4, medium: 3, low: 2 },
    perVisit: 2,
    announced: '2026-03-02T09:00:00+08:00',
    drawn: true,
  },
  {
    title: '2026年排污单位双随机抽查',
    units: ['QJ-D11'],
    sample: { high: 3, medium: 2, low: 1 },
    perVisit: 2,
    announced: '2026-04-07T09:00:00+08:00',
    drawn: true,
  },
  {
    title: '2026年安全生产与消防联合抽查（综合查一次）',
    units: ['QJ-D20', 'QJ-D25'],
    sample: { high: 5, medium: 3, low: 0 },
    perVisit: 2,
    announced: '2026-05-11T09:00:00+08:00',
    drawn: true,
  },
  {
    title: '2026年公共场所卫生双随机抽查',
    units: ['QJ-D19'],
    sample: { high: 2, medium: 3, low: 3 },
    perVisit: 2,
    announced: '2026-06-08T09:00:00+08:00',
    drawn: true,
  },
  {
    title: '2026年劳动保障与市场监管联合抽查（综合查一次）',
    units: ['QJ-D09', 'QJ-D21', 'QJ-D18'],
    sample: { high: 3, medium: 3, low: 2 },
    perVisit: 3,
    announced: '2026-09-14T09:00:00+08:00',
    drawn: true,
  },
  {
    title: '2026年第四季度建筑市场双随机抽查',
    units: ['QJ-D12'],
    sample: { high: 3, medium: 2, low: 2 },
    perVisit: 2,
    announced: '2026-11-23T09:00:00+08:00',
    drawn: false,
  },
];

/** The demo's draw that no plan holds yet: the office plans it for what is left of the year. */
export const demoLeftToPlan = '2026年劳动保障与市场监管联合抽查（综合查一次）';
