import type { OperationDocs } from '../../openapi/operation-docs.js';

/** Scorecards (季度晾晒), their public leaderboard, the evaluation exports and the regional comparison. */
export const targetsScorecardDocs: OperationDocs = {
  'scorecard.list': {
    summary: { 'zh-CN': '季度晾晒列表', en: 'Scorecards' },
    description: {
      'zh-CN':
        '按季度倒序列出晾晒结果（不含明细）：管理员和纪委监委看到草稿和已发布的，其他登录用户只看到已发布的。',
      en: 'The quarterly scorecards, newest first, without their results: admins and supervisors see drafts and published ones, anyone else signed in the published only.',
    },
    signedIn: true,
  },
  'scorecard.compute': {
    summary: { 'zh-CN': '计算季度晾晒', en: 'Compute a scorecard' },
    description: {
      'zh-CN':
        '计算（或重算）某季度的晾晒草稿：已报送或已通过报告的单位按计划目标和标杆值评分，区级部门与镇街分组按同分规则排名并定等次，与上季度比较进退；计划已通过但未报送或被退回的单位单列、不参与排名。只能计算已经结束的季度（按北京时间，否则 VALIDATION，字段 period、代码 scorecard_quarter_open），已发布的季度不能重算；存储的数据无法评分的，答 INVALID_STATE（字段 period、代码 scorecard_data_invalid）而非服务器错误。同一季度同时首次计算两次的，只生成一份草稿：后到的等前一次完成后重算该草稿并返回它。仅管理员；写入审计日志。',
      en: 'Computes (or recomputes) a quarter’s draft scorecard: units with a submitted or approved report are scored against their plans’ targets and benchmarks, ranked by the tie rule with departments and towns apart, given a tier and compared with the quarter before; units with an approved plan whose report is missing or returned are listed apart, unranked. Only a quarter that has ended in China time is computed (else VALIDATION, field period, code scorecard_quarter_open), and a published one is not recomputed; stored data the scorecard cannot take answers INVALID_STATE (field period, code scorecard_data_invalid), not a server error. Two first computes of a quarter at once make one draft: the later waits for the earlier, then recomputes its draft and returns it. For admins; audited.',
    },
    signedIn: true,
    errors: ['VALIDATION', 'INVALID_STATE'],
  },
  'scorecard.read': {
    summary: { 'zh-CN': '季度晾晒详情', en: 'A scorecard' },
    description: {
      'zh-CN':
        '一期晾晒的完整结果（各单位得分、排名、等次、进退和未参与排名的单位）；草稿只有管理员和纪委监委可看，其他人答未找到。',
      en: 'One scorecard’s full result (each unit’s score, rank, tier and movement, and the units left unranked); a draft only to admins and supervisors, not found to others.',
    },
    signedIn: true,
  },
  'scorecard.publish': {
    summary: { 'zh-CN': '发布季度晾晒', en: 'Publish a scorecard' },
    description: {
      'zh-CN':
        '发布晾晒草稿，此后向公众公开且不再变动，该季度不再接受报告；已发布的、没有参与排名单位的（代码 nothing_ranked），或生成后数据又有变动、重新计算结果不同的草稿（代码 scorecard_stale），答状态不允许。仅管理员；写入审计日志。',
      en: 'Publishes a draft scorecard, public and frozen from then on, and the quarter takes no more reports; one already published, a draft that ranks no unit (code nothing_ranked), or one the data has moved past since it was computed, scored again to a different result (code scorecard_stale), is refused for its state. For admins; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'publicScorecard.periods': {
    summary: { 'zh-CN': '已发布的季度', en: 'Published quarters' },
    description: {
      'zh-CN':
        '公开已发布晾晒榜的季度及发布时间，最新的在前，供查看往期排名；草稿不列出。不需要登录，可缓存一分钟。',
      en: 'The quarters whose leaderboard is published, with when, the newest first, to look up earlier rankings; drafts are not listed. No sign-in needed; cacheable for a minute.',
    },
  },
  'publicScorecard.latest': {
    summary: { 'zh-CN': '最新晾晒榜', en: 'Latest leaderboard' },
    description: {
      'zh-CN':
        '公开最新一期已发布的赶超晾晒榜：分组的单位排名、得分、等次、进退及未参与排名的单位；尚无发布时答未找到。不需要登录，可缓存一分钟。',
      en: 'The newest published leaderboard: units by group with rank, score, tier and movement, and those left unranked; not found before any is published. No sign-in needed; cacheable for a minute.',
    },
    errors: ['NOT_FOUND'],
  },
  'publicScorecard.read': {
    summary: { 'zh-CN': '某季度晾晒榜', en: 'A quarter’s leaderboard' },
    description: {
      'zh-CN': '公开指定季度（如 2026Q1）已发布的晾晒榜；该季度未发布时答未找到，草稿不会公开。不需要登录。',
      en: 'The published leaderboard of a quarter (e.g. 2026Q1); not found when that quarter is not published, and a draft never shows. No sign-in needed.',
    },
  },
  'evaluation.unitExport': {
    summary: { 'zh-CN': '导出单位考核结果', en: 'Export a unit’s results' },
    description: {
      'zh-CN':
        '把一个单位某年度各季度已发布的晾晒结果导出为考核系统导入格式的 Excel（季度、类别、排名、得分、等次、进步、逾期等）；能查看该单位计划的人员可导出，其他人答未找到。',
      en: 'One unit’s published quarterly results of a year as Excel in the columns the cadre assessment system imports (quarter, category, rank, score, tier, progress, lateness …); for those who read the unit’s plans, not found to others.',
    },
    signedIn: true,
  },
  'evaluation.summary': {
    summary: { 'zh-CN': '年度考核汇总', en: 'Year’s evaluation summary' },
    description: {
      'zh-CN':
        '把某年度已发布晾晒汇总为一张 Excel：已发布季度排名或列为未报送的每个单位一行，含各季度得分、年度平均分（按该年全部已发布季度平均，未排名的季度按 0 计）、未排名季度数、先进和整改次数、逾期次数；仅管理员和纪委监委。',
      en: 'A year’s published scorecards in one sheet: a row for every unit a published quarter ranked or listed as unreported, with its quarterly scores, mean score (over all the year’s published quarters, a quarter not ranked counting 0), quarters not ranked, times advanced and to rectify, and times late; for admins and supervisors.',
    },
    signedIn: true,
  },
  'regional.import': {
    summary: { 'zh-CN': '导入区域数据', en: 'Import regional data' },
    description: {
      'zh-CN':
        '从 CSMAR 格式的 UTF-8 CSV 导入各地区历年统计指标，新地区随之建立，已有数值被覆盖，同一文件重复导入不产生变化；全部成功或全部不导入：指标单元格既非数字、也非空或 NA 的（not_a_number），以及同一地区同一年份出现两次的（duplicate_of_row），按行报错。仅管理员；写入审计日志。',
      en: 'Imports regions’ yearly statistics from a CSMAR-style UTF-8 CSV; new regions are added and values already there replaced, so the same file twice changes nothing; all or nothing: a metric cell that is neither a number, empty nor NA (not_a_number) and a region’s year given twice (duplicate_of_row) are row errors. For admins; audited.',
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  'regional.enter': {
    summary: { 'zh-CN': '录入本区统计数据', en: 'Enter the district’s statistics' },
    description: {
      'zh-CN':
        '办公室录入或更正本区某年度各指标的统计数值，标记为“区填报”并替换演示生成值；占比须在 0 到 100 之间，一同录入的第一、二、三产业占比合计不超过 100（容许 0.5 的舍入误差，代码 sector_shares_over_100），有误则整体不写入。指定的地区（regionId）须为本区或县级对标地区，否则答未找到。仅管理员；写入审计日志。',
      en: 'The office enters or corrects the district’s own statistics for a year; each value is marked entered and replaces a generated one. Shares must lie between 0 and 100, and the three sector shares entered together add up to at most 100 (0.5 allowed for rounding; code sector_shares_over_100); on any problem nothing is written. A region named (regionId) must be the district itself or a county peer, else it is not found. For admins; audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'regional.report': {
    summary: { 'zh-CN': '区域对比分析', en: 'Regional comparison' },
    description: {
      'zh-CN':
        '跳出黔江看黔江：本区与武陵山区中心城市（或所选地区）某年度的对比，指标权重按熵权法、层次分析法（附一致性检验）或手工给定，按方向归一化后计算综合指数并排名，附与最优值和均值的差距、历年趋势和缺数被排除的地区；登录用户均可读。',
      en: 'The district against the Wuling cities (or the regions chosen) in a year: weights by entropy, AHP (with its consistency check) or by hand, a composite index on direction-aware min-max scores with its ranking, the gaps to the best and the mean, the trends over the years, and the regions left out for missing values; for anyone signed in.',
    },
    signedIn: true,
  },
  'regional.reportHtml': {
    summary: { 'zh-CN': '区域对比打印版', en: 'Regional comparison (print)' },
    description: {
      'zh-CN': '同区域对比分析，以可直接打印的 HTML 页面返回；登录用户均可读。',
      en: 'The regional comparison as a print-ready HTML page; for anyone signed in.',
    },
    signedIn: true,
  },
  'regional.reportXlsx': {
    summary: { 'zh-CN': '导出区域对比', en: 'Export the regional comparison' },
    description: {
      'zh-CN': '同区域对比分析，导出为 Excel；登录用户均可读。',
      en: 'The regional comparison as an Excel workbook; for anyone signed in.',
    },
    signedIn: true,
  },
};
