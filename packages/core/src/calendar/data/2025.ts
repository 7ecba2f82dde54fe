import type { YearArrangement } from '../arrangement.js';

// The first year under the amended 全国年节及纪念日放假办法 (国务院令第798号, 2024-11-10):
// the Spring Festival gained New Year's Eve (除夕) and Labour Day gained 2 May, so the
// statutory days off rose from 11 to 13.
export const year2025: YearArrangement = {
  year: 2025,
  sources: [
    {
      title: '国务院办公厅关于2025年部分节假日安排的通知',
      number: '国办发明电〔2024〕12号',
      issued: '2024-11-12',
      url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    },
  ],
  holidays: [
    { name: '元旦', start: '2025-01-01', end: '2025-01-01', days: 1 },
    { name: '春节', start: '2025-01-28', end: '2025-02-04', days: 8 },
    { name: '清明节', start: '2025-04-04', end: '2025-04-06', days: 3 },
    { name: '劳动节', start: '2025-05-01', end: '2025-05-05', days: 5 },
    { name: '端午节', start: '2025-05-31', end: '2025-06-02', days: 3 },
    { name: '国庆节、中秋节', start: '2025-10-01', end: '2025-10-08', days: 8 },
  ],
  workdays: [
    { date: '2025-01-26', name: '春节' },
    { date: '2025-02-08', name: '春节' },
    { date: '2025-04-27', name: '劳动节' },
    { date: '2025-09-28', name: '国庆节、中秋节' },
    { date: '2025-10-11', name: '国庆节、中秋节' },
  ],
};
