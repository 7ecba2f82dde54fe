import type { YearArrangement } from '../arrangement.js';

export const year2022: YearArrangement = {
  year: 2022,
  sources: [
    {
      title: '国务院办公厅关于2022年部分节假日安排的通知',
      number: '国办发明电〔2021〕11号',
      issued: '2021-10-25',
      url: 'https://www.gov.cn/zhengce/zhengceku/2021-10/25/content_5644835.htm',
    },
  ],
  holidays: [
    { name: '元旦', start: '2022-01-01', end: '2022-01-03', days: 3 },
    { name: '春节', start: '2022-01-31', end: '2022-02-06', days: 7 },
    { name: '清明节', start: '2022-04-03', end: '2022-04-05', days: 3 },
    { name: '劳动节', start: '2022-04-30', end: '2022-05-04', days: 5 },
    { name: '端午节', start: '2022-06-03', end: '2022-06-05', days: 3 },
    { name: '中秋节', start: '2022-09-10', end: '2022-09-12', days: 3 },
    { name: '国庆节', start: '2022-10-01', end: '2022-10-07', days: 7 },
  ],
  workdays: [
    { date: '2022-01-29', name: '春节' },
    { date: '2022-01-30', name: '春节' },
    { date: '2022-04-02', name: '清明节' },
    { date: '2022-04-24', name: '劳动节' },
    { date: '2022-05-07', name: '劳动节' },
    { date: '2022-10-08', name: '国庆节' },
    { date: '2022-10-09', name: '国庆节' },
  ],
};
