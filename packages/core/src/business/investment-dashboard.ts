import { percentChange } from './projects.js';

/** What the investment dashboard counts: signings, funds put in place, new market entities. */
export interface InvestmentFacts {
  /** One per signed project: its signing date and amount (万元). */
  signings: ReadonlyArray<{ signedOn: string; amount: number }>;
  /** Funds in place (到位资金) as recorded, dated, in 万元. */
  funds: ReadonlyArray<{ on: string; amount: number }>;
  /** New market entities (新增市场主体) per month (`YYYY-MM`). */
  entities: ReadonlyArray<{ month: string; count: number }>;
}

export interface MonthFigures {
  signedCount: number;
  /** 万元. */
  signedAmount: number;
  /** 万元. */
  funds: number;
  /** Null when the office has entered no count for the month. */
  entities: number | null;
}

export interface YearToDate {
  value: number;
  lastYear: number;
  /** Percent change against the same months of the year before; null when that was 0. */
  yoy: number | null;
}

export interface InvestmentDashboard {
  year: number;
  /** The last month of the year-to-date period (1–12). */
  through: number;
  /** January to December of the year, and of the year before. */
  months: MonthFigures[];
  lastYearMonths: MonthFigures[];
  ytd: { signedCount: YearToDate; signedAmount: YearToDate; funds: YearToDate; entities: YearToDate };
}

function monthsOf(facts: InvestmentFacts, year: number): MonthFigures[] {
  const months: MonthFigures[] = Array.from({ length: 12 }, () => ({
    signedCount: 0,
    signedAmount: 0,
    funds: 0,
    entities: null,
  }));
  const slot = (date: string) =>
    Number(date.slice(0, 4)) === year ? months[Number(date.slice(5, 7)) - 1] : undefined;
  for (const s of facts.signings) {
    const m = slot(s.signedOn);
    if (m) {
      m.signedCount += 1;
      m.signedAmount += s.amount;
    }
  }
  for (const f of facts.funds) {
    const m = slot(f.on);
    if (m) m.funds += f.amount;
  }
  for (const e of facts.entities) {
    const m = slot(e.month);
    if (m) m.entities = (m.entities ?? 0) + e.count;
  }
  return months;
}

const sum = (months: MonthFigures[], through: number, pick: (m: MonthFigures) => number) =>
  months.slice(0, through).reduce((n, m) => n + pick(m), 0);

/**
 * The dashboard of a year: each month's signings (count and amount), funds in place and new
 * market entities, for the year and the year before, and the year to date (January to the month
 * `through`) with its change against the same months of the year before.
 */
export function investmentDashboard(
  facts: InvestmentFacts,
  year: number,
  through: number,
): InvestmentDashboard {
  if (!Number.isInteger(through) || through < 1 || through > 12)
    throw new RangeError(`through must be a month from 1 to 12, got ${through}`);
  const months = monthsOf(facts, year);
  const lastYearMonths = monthsOf(facts, year - 1);
  const ytd = (pick: (m: MonthFigures) => number): YearToDate => {
    const value = sum(months, through, pick);
    const lastYear = sum(lastYearMonths, through, pick);
    return { value, lastYear, yoy: percentChange(value, lastYear) };
  };
  return {
    year,
    through,
    months,
    lastYearMonths,
    ytd: {
      signedCount: ytd((m) => m.signedCount),
      signedAmount: ytd((m) => m.signedAmount),
      funds: ytd((m) => m.funds),
      entities: ytd((m) => m.entities ?? 0),
    },
  };
}

/** 万元 as 亿元 with two decimals, the way the district reports amounts (11.55 亿元). */
export const yiYuan = (wan: number): string => (wan / 10000).toFixed(2);
