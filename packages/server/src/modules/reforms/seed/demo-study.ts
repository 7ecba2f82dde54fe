/**
 * The demo's study visits (跳出黔江看黔江) and learning sessions, in the district's shape: the
 * delegation to 梁平、丰都、石柱 (9 practices, 4 insights, 1 report), the education board's visit to
 * 恩施 (done, its report still being written), and one planned. A practice names the demo projects
 * it inspired; a member is `name|unit code`. What is still to come (`ahead`) keeps its date, or
 * moves to the first working day that many days after the seeding when that is later
 * (`demo-study-seed.ts`).
 */
export const demoVisits = [
  {
    title: '赴梁平区、丰都县、石柱县学习考察',
    unit: 'QJ-O03',
    destinations: ['梁平区', '丰都县', '石柱县'],
    topics: ['基层治理', '农村改革', '政务服务', '文旅融合'],
    startDate: '2026-09-15',
    endDate: '2026-09-18',
    status: 'reported' as const,
    members: [
      '刘明远|QJ-O03',
      '陈晓燕|QJ-O03',
      '张国华|QJ-D01',
      '杨帆|QJ-D16',
      '吴俊|QJ-D24',
      '冉丽|QJ-D02',
      '何建平|QJ-D10',
      '李文静|QJ-S03',
    ],
    practices: [
      [
        '梁平区',
        '“小院家”院落自治',
        '以院落为单元推选院落长、组建议事会，小事不出院、大事不出村，矛盾就地化解率超过九成。',
        '社区治理体系和治理能力现代化改革',
      ],
      [
        '梁平区',
        '城市运行“一网统管”指挥中心',
        '整合城管、应急、交通等12个部门视频和感知数据，事件自动派单、限时办结、全程留痕。',
        '城市运行“一网统管”改革',
      ],
      [
        '梁平区',
        '“梁平柚”区域公用品牌运营',
        '国有平台公司统一品牌授权、分级标准和溯源码，品牌溢价带动柚农户均增收4000元。',
        '脆红李区域公用品牌经营改革',
      ],
      [
        '丰都县',
        '“渝快办”帮办代办专区',
        '政务服务中心设帮办代办专区，对企业开办、项目报建全程代跑，平均少跑3次。',
        '“渝快办”政务服务增值化改革',
      ],
      [
        '丰都县',
        '肉牛产业“贷牛还牛”金融支持',
        '银行、担保公司与龙头企业合作，农户以牛犊为标的获得贷款，出栏后由企业回购还贷。',
        '普惠金融服务实体经济改革',
      ],
      [
        '丰都县',
        '村级“强村公司”',
        '村集体以资源、资产入股组建强村公司，承接小型工程和农业社会化服务，集体经济收入全部过10万元。',
        '发展新型农村集体经济',
      ],
      [
        '石柱县',
        '“康养石柱”全域文旅融合',
        '以黄水片区为核心统一规划康养度假、民宿和避暑地产，景区门票、交通一卡通用。',
        '小南海文旅资源整合开发',
      ],
      [
        '石柱县',
        '黄连产业全链条服务',
        '建设黄连交易市场和质量检测中心，推行“订单种植+保底收购”，稳定连农收益。',
        '猕猴桃产业“龙头企业+合作社+农户”联结机制',
      ],
      [
        '石柱县',
        '“林长+检察长”协作机制',
        '林长办与检察院建立线索移送、联合巡查和公益诉讼衔接机制，破坏林地案件查处周期缩短一半。',
        '深化林长制改革',
      ],
    ],
    insights: [
      '改革要从群众身边的小切口入手，院落、村组一级的自治最能调动群众参与。',
      '数据整合是“一网统管”的前提，部门系统要先通后用，避免建成新的信息孤岛。',
      '特色产业要靠品牌和标准增值，政府搭平台、企业唱主角、农户稳收益。',
      '跳出黔江看黔江，要把学到的做法转化为改革项目，明确牵头单位和时间表，防止“考察热、落实冷”。',
    ],
    reportSummary:
      '考察团一行8人赴梁平、丰都、石柱三地，围绕基层治理、农村改革、政务服务和文旅融合考察12个点位，形成9项可借鉴做法和4点启示，已转化为我区9个改革项目的具体举措。',
    report: [
      'Qianjiang District study visit report',
      'Liangping, Fengdu and Shizhu, 15-18 September 2026',
      '9 practices learned, 4 insights',
    ],
  },
  {
    title: '区教委赴湖北省恩施州学习考察',
    unit: 'QJ-D03',
    destinations: ['恩施州', '恩施市', '利川市'],
    topics: ['职业教育产教融合', '乡村小规模学校建设'],
    startDate: '2026-11-24',
    endDate: '2026-11-26',
    status: 'done' as const,
    members: ['王守成|QJ-D03', '田晓红|QJ-D03', '向东|QJ-D03', '龚雪梅|QJ-D09', '罗志强|QJ-T09'],
    practices: [
      [
        '恩施市',
        '职业院校“订单班”产教融合',
        '职业院校与本地茶叶、硒产业企业共建订单班，企业参与课程设计，毕业生本地就业率超过七成。',
        '产教融合型企业建设',
      ],
      [
        '利川市',
        '乡村小规模学校“走教”制度',
        '音体美教师在片区内多校走教，补齐乡村小规模学校学科短板。',
        '乡村学校“小而优”建设',
      ],
      [
        '恩施州',
        '县域高中“强校带弱校”',
        '州内优质高中与县域高中结对，共享教研和名师资源。',
        '县域普通高中发展提升行动',
      ],
    ],
    insights: [
      '职业教育要跟着本地产业走，专业设置和企业用工需求对接。',
      '乡村小规模学校不能简单撤并，要以走教和集团化办学提质。',
    ],
    reportSummary: '',
    report: null,
  },
  {
    title: '赴酉阳县、秀山县学习考察文旅融合发展',
    unit: 'QJ-D18',
    destinations: ['酉阳县', '秀山县'],
    topics: ['古镇景区运营', '民宿集群'],
    startDate: '2027-03-10',
    endDate: '2027-03-12',
    status: 'planned' as const,
    // Still to come when the demo is seeded later: it then starts two months after the seeding.
    ahead: 60,
    members: ['彭静|QJ-D18', '孙浩|QJ-D18', '冉茂林|QJ-T09'],
    practices: [],
    insights: [],
    reportSummary: '',
    report: null,
  },
];

/** Learning sessions: three online sessions on AI tools at work taught through cases, and one offline. */
export const demoSessions = [
  {
    title: '运用AI工具提升工作效能（第一期）：公文写作与材料整理',
    form: 'online' as const,
    date: '2026-10-16',
    startTime: '15:00',
    endTime: '17:00',
    place: '“渝快政”视频会议',
    teacher: '区大数据发展中心 向磊',
    topic:
      '以“政策解读稿一小时成文”“会议纪要自动整理”两个案例，讲授用AI工具起草、校对公文，以及数据安全和保密要求。',
    attendees: 6,
    material: [
      'AI tools at work, session 1: writing and editing',
      'Case 1: a policy explainer drafted in one hour',
      'Case 2: meeting minutes',
    ],
  },
  {
    title: '跳出黔江看黔江——梁平、丰都、石柱学习考察成果分享会',
    form: 'offline' as const,
    date: '2026-10-10',
    startTime: '09:30',
    endTime: '11:30',
    place: '区行政中心三楼会议室',
    teacher: '区委改革办 刘明远',
    topic: '交流考察学到的9项做法和4点启示，研究在我区落地的改革项目和牵头单位。',
    attendees: 4,
    material: null,
  },
  {
    title: '运用AI工具提升工作效能（第二期）：数据分析与可视化',
    form: 'online' as const,
    date: '2026-11-13',
    startTime: '15:00',
    endTime: '17:00',
    place: '“渝快政”视频会议',
    teacher: '区大数据发展中心 向磊',
    topic: '以“改革台账月度分析”“企业诉求归类”两个案例，讲授用AI工具清洗表格、归纳诉求和生成图表。',
    attendees: 5,
    material: [
      'AI tools at work, session 2: data analysis',
      'Case 1: monthly analysis of the reform ledger',
      'Case 2: sorting firms requests',
    ],
  },
  {
    title: '运用AI工具提升工作效能（第三期）：政务服务智能问答',
    form: 'online' as const,
    date: '2027-01-15',
    // Still to come when the demo is seeded later: it then takes place a month after the seeding.
    ahead: 30,
    startTime: '15:00',
    endTime: '16:30',
    place: '“渝快政”视频会议',
    teacher: '区政务服务办 杨柳',
    topic: '以“12345热线常见问题”为案例，讲授搭建政务服务知识库和智能问答的做法。',
    attendees: 0,
    material: null,
  },
];
