import { z } from 'zod';
import { isIsoDate } from './date.js';

/**
 * One year of China's official holiday arrangement, as the State Council General Office
 * publishes it each year (国务院办公厅关于XXXX年部分节假日安排的通知). A year is data: to add
 * one, write `data/<year>.ts` in this shape and list it in `data/index.ts`.
 */
const isoDate = z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD');

export const noticeSchema = z.object({
  /** The notice's title, e.g. 国务院办公厅关于2025年部分节假日安排的通知. */
  title: z.string().min(1),
  /** Its document number, e.g. 国办发明电〔2024〕12号. */
  number: z.string().min(1),
  /** The date it was issued. */
  issued: isoDate,
  /** Where it is published: a web address (pages link to it, so never a javascript: or data: URL). */
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'an http or https address'),
});

export const holidaySpanSchema = z.object({
  /** The holiday as the notice names it, e.g. 春节 or 国庆节、中秋节. */
  name: z.string().min(1),
  /** First and last day off, inclusive, as the notice gives them (weekends inside included). */
  start: isoDate,
  end: isoDate,
  /** The notice's own count (共N天), checked against start–end so that a typo cannot slip in. */
  days: z.number().int().positive(),
  note: z.string().optional(),
});

export const makeupWorkdaySchema = z.object({
  /** A weekend day worked instead (调休上班). */
  date: isoDate,
  /** The holiday it makes up for. */
  name: z.string().min(1),
});

export const yearArrangementSchema = z.object({
  year: z.number().int().min(1900).max(2999),
  /** The notice, then any later notice that changed it (e.g. the 2020 Spring Festival extension). */
  sources: z.array(noticeSchema).min(1),
  /** Days off, with any later change already applied. */
  holidays: z.array(holidaySpanSchema),
  /** Make-up workdays, with any later change already applied. */
  workdays: z.array(makeupWorkdaySchema),
});

export type Notice = z.infer<typeof noticeSchema>;
export type HolidaySpan = z.infer<typeof holidaySpanSchema>;
export type MakeupWorkday = z.infer<typeof makeupWorkdaySchema>;
export type YearArrangement = z.infer<typeof yearArrangementSchema>;
