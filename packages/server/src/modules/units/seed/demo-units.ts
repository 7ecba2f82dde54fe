import type { UnitKind } from '../contracts.js';

type Kind = (typeof UnitKind)['options'][number];

/**
 * Demo unit tree for Qianjiang District: its subdistricts, towns and townships, its main
 * departments and a few other bodies. Marked is_demo; a district replaces it by Excel import.
 */
export const demoUnits: Array<{ code: string; name: string; kind: Kind; parent: string | null }> = [
  { code: 'QJ', name: '黔江区', kind: 'district', parent: null },
  ...['城东', '城南', '城西', '正阳', '舟白', '冯家'].map((n, i) => ({
    code: `QJ-S${String(i + 1).padStart(2, '0')}`,
    name: `${n}街道`,
    kind: 'subdistrict' as Kind,
    parent: 'QJ',
  })),
  ...[
    '阿蓬江',
    '石会',
    '武陵山',
    '黑溪',
    '黄溪',
    '黎水',
    '金溪',
    '马喇',
    '濯水',
    '石家',
    '鹅池',
    '沙坝',
    '小南海',
    '邻鄂',
    '中塘',
  ].map((n, i) => ({
    code: `QJ-T${String(i + 1).padStart(2, '0')}`,
    name: `${n}镇`,
    kind: 'town' as Kind,
    parent: 'QJ',
  })),
  ...['蓬东', '新华', '白石', '白土', '五里', '水市', '杉岭', '太极', '水田'].map((n, i) => ({
    code: `QJ-X${String(i + 1).padStart(2, '0')}`,
    name: `${n}乡`,
    kind: 'township' as Kind,
    parent: 'QJ',
  })),
  { code: 'QJ-S03-C01', name: '解放社区', kind: 'community', parent: 'QJ-S03' },
  { code: 'QJ-S03-C02', name: '西山社区', kind: 'community', parent: 'QJ-S03' },
  { code: 'QJ-T09-V01', name: '濯水社区', kind: 'community', parent: 'QJ-T09' },
  { code: 'QJ-T01-V01', name: '五里村', kind: 'village', parent: 'QJ-T01' },
  ...[
    '区发展改革委',
    '区经济信息委',
    '区教委',
    '区科技局',
    '区公安局',
    '区民政局',
    '区司法局',
    '区财政局',
    '区人力社保局',
    '区规划自然资源局',
    '区生态环境局',
    '区住房城乡建委',
    '区交通运输委',
    '区城市管理局',
    '区水利局',
    '区农业农村委',
    '区商务委',
    '区文化旅游委',
    '区卫生健康委',
    '区应急管理局',
    '区市场监管局',
    '区统计局',
    '区医保局',
    '区政务服务办',
    '区消防救援支队',
  ].map((name, i) => ({
    code: `QJ-D${String(i + 1).padStart(2, '0')}`,
    name,
    kind: 'department' as Kind,
    parent: 'QJ',
  })),
  { code: 'QJ-O01', name: '区纪委监委', kind: 'other', parent: 'QJ' },
  { code: 'QJ-O02', name: '大讨论活动办公室', kind: 'other', parent: 'QJ' },
  { code: 'QJ-O03', name: '区委改革办', kind: 'other', parent: 'QJ' },
];
