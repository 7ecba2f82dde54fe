import { officialCalendar } from '@qianxing/core/calendar';
import { pick as pickWith, seededRandom } from '@qianxing/core/random';
import type { PlanInput } from '@qianxing/core/schedule';

export interface GenerateOptions {
  seed?: number;
  firms?: number;
  departments?: number;
  tasks?: number;
  inspectorsPerDepartment?: number;
  period?: { start: string; end: string };
}

/**
 * A month of planned inspections in a district: firms, departments with a few
 * qualifications each, inspectors with 2 visits a day and a few days off, firms with a few
 * blocked days, some conflicts of interest. Synthetic: no real firm or person.
 */
export function generateInspections(options: GenerateOptions = {}): PlanInput {
  const {
    seed = 20250301,
    firms: firmCount = 1000,
    departments: departmentCount = 8,
    tasks: taskCount = 3000,
    inspectorsPerDepartment = 10,
    period = { start: '2025-03-01', end: '2025-03-31' },
  } = options;
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => pickWith(random, xs);
  const workdays = officialCalendar.workdaysIn(period.start, period.end);
  const someDays = (max: number): string[] => {
    const n = int(max + 1);
    return [...new Set(Array.from({ length: n }, () => pick(workdays)))].sort();
  };
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');

  const departments = Array.from({ length: departmentCount }, (_, i) => `D${i + 1}`);
  const qualificationsOf = (d: string): string[] => [`${d}-a`, `${d}-b`];
  const firms = Array.from({ length: firmCount }, (_, i) => ({
    id: `F${pad(i + 1, 4)}`,
    blocked: someDays(3),
  }));
  const inspectors = departments.flatMap((d) =>
    Array.from({ length: inspectorsPerDepartment }, (_, i) => {
      const [a, b] = qualificationsOf(d) as [string, string];
      const held = [random() < 0.7 ? a : '', random() < 0.5 ? b : ''].filter(Boolean);
      return {
        id: `${d}-I${pad(i + 1, 2)}`,
        department: d,
        qualifications: held.length > 0 ? held : [a],
        capacityPerDay: 2,
        unavailable: someDays(3),
      };
    }),
  );
  const hoursChoices = [0.5, 1, 1, 1.5, 1.5, 2, 2, 2.5, 3];
  const tasks = Array.from({ length: taskCount }, (_, i) => {
    const department = pick(departments);
    const r = random();
    const [a, b] = qualificationsOf(department) as [string, string];
    const qualifications = r < 0.5 ? [] : r < 0.75 ? [a] : r < 0.95 ? [b] : [a, b];
    return {
      id: `T${pad(i + 1, 5)}`,
      department,
      firm: pick(firms).id,
      items: [`${department} 检查事项 ${1 + int(20)}`],
      qualifications,
      hours: pick(hoursChoices),
    };
  });
  const exclusions = Array.from({ length: 100 }, () => ({
    inspector: pick(inspectors).id,
    firm: pick(firms).id,
  }));
  return { period, tasks, inspectors, firms, exclusions, maxHoursPerVisit: 4, inspectorsPerVisit: 2 };
}
