import type { components } from '../../api/schema';
import { firmSizeValues } from '../../api/schema';

type Schemas = components['schemas'];

export type Firm = Schemas['Firm'];
export type FirmSize = Schemas['FirmSize'];
export type Industry = Schemas['Industry'];
export type FirmMember = Schemas['FirmMember'];

/** The size classes, largest first, as the server lists them. */
export const firmSizes: readonly FirmSize[] = firmSizeValues;

/** The kinds of unit a firm may be in: streets, towns and townships. */
export const townKinds: readonly string[] = ['subdistrict', 'town', 'township'];

/** An industry as a select shows it: its code and its name in the reader's language. */
export const industryLabel = (industry: Industry, language: string) =>
  `${industry.code} ${language.startsWith('en') && industry.nameEn ? industry.nameEn : industry.name}`;
