import type { YearArrangement } from '../arrangement.js';

// The New Year holiday of this notice begins on Saturday 31 December 2022.
export const year2023: YearArrangement = {
  year: 2023,
  sources: [
    {
      title: '国务院办公厅关于2023年部分节假日安排的通知',
      number: '国办发明电〔2022〕16号',
      issued: '2022-12-08',
      url: 'https://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm',
    },
  ],
  holidays: [
    { name: '元旦', start: '2022-12-31', end: '2023-01-02', days: 3 },
    { name: '春节', start: '2023-01-21', end: '2023-01-27', days: 7 },
    { name: '清明节', start: '2023-04-05', end: '2023-04-05', days: 1 },
    { name: '劳动节', start: '2023-04-29', end: '2023-05-03', days: 5 },
    { name: '端午节', start: '2023-06-22', end: '2023-06-24', days: 3 },
    { name: '中秋节、国庆节', start: '2023-09-29', end: '2023-10-06', days: 8 },
  ],
  workdays: [
    { date: '2023-01-28', name: '春节' },
    { date: '2023-01-29', name: '春节' },
    { date: '2023-04-23', name: '劳动节' },
    { date: '2023-05-06', name: '劳动节' },
    { date: '2023-06-25', name: '端午节' },
    { date: '2023-10-07', name: '中秋节、国庆节' },
    { date: '2023-10-08', name: '中秋节、国庆节' },
  ],
};
