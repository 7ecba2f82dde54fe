import type { TFunction } from 'i18next';
import type { components } from '../../../api/schema';

export type Project = components['schemas']['ProjectView'];
export type ProjectDetail = components['schemas']['ProjectDetail'];
export type ProjectList = components['schemas']['ProjectList'];
export type Stage = Project['stage'];
export type Chain = components['schemas']['IndustrialChain'];

export const stages: Stage[] = ['signed', 'registered', 'started', 'producing', 'effective'];
export const laterStages = stages.slice(1) as Exclude<Stage, 'signed'>[];

/** 万元 as 亿元 with two decimals, as the district reports amounts. */
export const yi = (wan: number) => (wan / 10000).toFixed(2);

/** A chain's name in the reader's language. */
export const chainLabel = (chain: Pick<Chain, 'name' | 'nameEn'>, language: string) =>
  language.startsWith('en') && chain.nameEn ? chain.nameEn : chain.name;

/**
 * A month as the dashboard words it: the year to date through it (throughMonth, January–March),
 * or its short name on the chart's axis (monthShort, Mar); the Chinese words use its number.
 */
export function monthWords(
  t: TFunction,
  key: 'throughMonth' | 'monthShort',
  month: number,
  language: string,
) {
  const width = key === 'throughMonth' ? 'long' : 'short';
  const monthName = new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' }).format(
    Date.UTC(2000, month - 1, 1),
  );
  return t(`business.investment.${key}`, { month, monthName });
}
