import type { YearArrangement } from '../arrangement.js';

export const year2026: YearArrangement = {
  year: 2026,
  sources: [
    {
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      number: '国办发明电〔2025〕7号',
      issued: '2025-11-04',
      url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    },
  ],
  holidays: [
    { name: '元旦', start: '2026-01-01', end: '2026-01-03', days: 3 },
    { name: '春节', start: '2026-02-15', end: '2026-02-23', days: 9 },
    { name: '清明节', start: '2026-04-04', end: '2026-04-06', days: 3 },
    { name: '劳动节', start: '2026-05-01', end: '2026-05-05', days: 5 },
    { name: '端午节', start: '2026-06-19', end: '2026-06-21', days: 3 },
    { name: '中秋节', start: '2026-09-25', end: '2026-09-27', days: 3 },
    { name: '国庆节', start: '2026-10-01', end: '2026-10-07', days: 7 },
  ],
  workdays: [
    { date: '2026-01-04', name: '元旦' },
    { date: '2026-02-14', name: '春节' },
    { date: '2026-02-28', name: '春节' },
    { date: '2026-05-09', name: '劳动节' },
    { date: '2026-09-20', name: '国庆节' },
    { date: '2026-10-10', name: '国庆节' },
  ],
};
