import type { YearArrangement } from '../arrangement.js';

export const year2021: YearArrangement = {
  year: 2021,
  sources: [
    {
      title: '国务院办公厅关于2021年部分节假日安排的通知',
      number: '国办发明电〔2020〕27号',
      issued: '2020-11-25',
      url: 'https://www.gov.cn/zhengce/zhengceku/2020-11/25/content_5564127.htm',
    },
  ],
  holidays: [
    { name: '元旦', start: '2021-01-01', end: '2021-01-03', days: 3 },
    { name: '春节', start: '2021-02-11', end: '2021-02-17', days: 7 },
    { name: '清明节', start: '2021-04-03', end: '2021-04-05', days: 3 },
    { name: '劳动节', start: '2021-05-01', end: '2021-05-05', days: 5 },
    { name: '端午节', start: '2021-06-12', end: '2021-06-14', days: 3 },
    { name: '中秋节', start: '2021-09-19', end: '2021-09-21', days: 3 },
    { name: '国庆节', start: '2021-10-01', end: '2021-10-07', days: 7 },
  ],
  workdays: [
    { date: '2021-02-07', name: '春节' },
    { date: '2021-02-20', name: '春节' },
    { date: '2021-04-25', name: '劳动节' },
    { date: '2021-05-08', name: '劳动节' },
    { date: '2021-09-18', name: '中秋节' },
    { date: '2021-09-26', name: '国庆节' },
    { date: '2021-10-09', name: '国庆节' },
  ],
};
