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
