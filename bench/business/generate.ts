import type { FirmRequest, ScorecardRequests } from '@qianxing/core/business';
import { addWorkdays, fromDayNumber, toDayNumber } from '@qianxing/core/calendar';
import { seededRandom } from '@qianxing/core/random';

export interface RequestsShape {
  requests: number;
  departments: number;
  /** The first of the twelve months scored, YYYY-MM. */
  firstMonth: string;
  deadlineWorkdays: number;
  seed: number;
}

/** The twelve months from `firstMonth` on. */
export function twelveMonths(firstMonth: string): string[] {
  const [year, month] = firstMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const m = month - 1 + i;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * A synthetic year of firms' requests: receipts spread evenly from a week before the first
 * month to a week before the end of the twelfth (so nearly all fall due within the twelve
 * months), departments of uneven size and quality, most requests answered within a few days,
 * some late or never, some unrated. Seeded, so every run scores the same data.
 */
export function generateRequests(shape: RequestsShape): ScorecardRequests {
  const random = seededRandom(shape.seed);
  const months = twelveMonths(shape.firstMonth);
  const first = toDayNumber(`${months[0]}-01`) - 7;
  const end = toDayNumber(addWorkdays(`${months[11]}-28`, 0)) - 4;
  const departments = Array.from({ length: shape.departments }, (_, d) => ({
    id: `D${String(d + 1).padStart(2, '0')}`,
    // Larger departments get more requests; quality sets how fast and how well they answer.
    size: 0.3 + random() * 1.7,
    quality: 0.5 + random() * 0.5,
  }));
  const totalSize = departments.reduce((s, d) => s + d.size, 0);
  const pickDepartment = () => {
    let x = random() * totalSize;
    for (const d of departments) {
      x -= d.size;
      if (x < 0) return d;
    }
    return departments[departments.length - 1]!;
  };
  const requests: FirmRequest[] = [];
  for (let i = 0; i < shape.requests; i++) {
    const department = pickDepartment();
    const received = first + Math.floor(random() * (end - first + 1));
    const answered = random() < 0.6 + 0.38 * department.quality;
    // Calendar days to answer: usually within the deadline, a tail beyond it.
    const delay = Math.floor((random() * 8) / department.quality + (random() < 0.1 ? random() * 20 : 0));
    const rated = random() < 0.7;
    const satisfied = random() < department.quality;
    requests.push({
      id: `R${i + 1}`,
      department: department.id,
      receivedOn: fromDayNumber(received),
      answeredOn: answered ? fromDayNumber(received + delay) : null,
      resolved: answered && random() < 0.5 + 0.45 * department.quality,
      rating: rated ? (satisfied ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3)) : null,
    });
  }
  return {
    deadlineWorkdays: shape.deadlineWorkdays,
    weights: { response: 0.3, resolution: 0.3, satisfaction: 0.4 },
    requests,
  };
}
