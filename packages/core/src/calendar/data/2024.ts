import type { YearArrangement } from '../arrangement.js';

// New Year's Day and the Dragon Boat Festival are one day each "与周末连休" (joined to the
// weekend). New Year's Eve, Friday 9 February, is a workday: the notice only encourages
// employers to give it off through paid annual leave.
export const year2024: YearArrangement = {
  year: 2024,
  sources: [
    {
      title: '国务院办公厅关于2024年部分节假日安排的通知',
      number: '国办发明电〔2023〕7号',
      issued: '2023-10-25',
      url: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
    },
  ],
  holidays: [
    { name: '元旦', start: '2024-01-01', end: '2024-01-01', days: 1, note: '与周末连休' },
    { name: '春节', start: '2024-02-10', end: '2024-02-17', days: 8 },
    { name: '清明节', start: '2024-04-04', end: '2024-04-06', days: 3 },
    { name: '劳动节', start: '2024-05-01', end: '2024-05-05', days: 5 },
    { name: '端午节', start: '2024-06-10', end: '2024-06-10', days: 1, note: '与周末连休' },
    { name: '中秋节', start: '2024-09-15', end: '2024-09-17', days: 3 },
    { name: '国庆节', start: '2024-10-01', end: '2024-10-07', days: 7 },
  ],
  workdays: [
    { date: '2024-02-04', name: '春节' },
    { date: '2024-02-18', name: '春节' },
    { date: '2024-04-07', name: '清明节' },
    { date: '2024-04-28', name: '劳动节' },
    { date: '2024-05-11', name: '劳动节' },
    { date: '2024-09-14', name: '中秋节' },
    { date: '2024-09-29', name: '国庆节' },
    { date: '2024-10-12', name: '国庆节' },
  ],
};
