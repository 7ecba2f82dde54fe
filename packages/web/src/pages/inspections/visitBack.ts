import type { MenuItem } from '../../session/SessionContext';

/** A list that opens a visit's page, and the words of the way back to it. */
interface VisitList {
  path: string;
  label: string;
}

/**
 * The lists a visit's page is opened from, in the order a reader with no list named is sent to
 * one of theirs: a department's staff their own visits (they also verify and read the plans),
 * the district office and supervisors the plans, a firm's staff their firm's page.
 */
const visitLists: readonly VisitList[] = [
  { path: '/inspections/visits', label: 'inspections.visits.back' },
  { path: '/admin/inspections/verify', label: 'inspections.visits.backToVerify' },
  { path: '/admin/inspections/plans', label: 'inspections.visits.backToPlans' },
  { path: '/firm', label: 'inspections.results.back' },
];

/** For a reader whose menu holds none of them: the home page. */
const home: VisitList = { path: '/', label: 'inspections.visits.backHome' };

/** The state a list's link to a visit carries: the list, so the visit's page leads back to it. */
export interface CameFrom {
  from: string;
}
export const cameFrom = (path: string): CameFrom => ({ from: path });

/**
 * Where a visit's page leads back: the list the reader came from (the link's state), else the
 * first of those lists their menu holds. A list outside their menu is never offered.
 */
export function visitBack(menu: readonly Pick<MenuItem, 'path'>[], state: unknown): VisitList {
  const theirs = visitLists.filter((l) => menu.some((m) => m.path === l.path));
  const from = (state as Partial<CameFrom> | null)?.from;
  return theirs.find((l) => l.path === from) ?? theirs[0] ?? home;
}
