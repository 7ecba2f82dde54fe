import { fromDayNumber, toDayNumber } from '../calendar/date.js';

/**
 * 百名干部联千企: each cadre of the roster looks after a set of the district's firms. The office
 * asks for a proposal, edits it and applies it; these are the pure parts of that.
 */
export interface LiaisonFirm {
  id: string;
  name: string;
  townId: string;
  industryCode: string;
}

export interface LiaisonCadre {
  id: string;
  name: string;
  /** Towns the cadre's own unit lies in or covers (a town's cadre prefers its own firms). */
  homeTownIds?: readonly string[];
}

export interface Pairing {
  firmId: string;
  cadreId: string;
}

export interface LiaisonProposal {
  /** The kept pairings, then one new pairing per firm that had none, in the firms' order. */
  pairs: Pairing[];
  /** Firms each cadre looks after under the proposal, by cadre id. */
  loads: Record<string, number>;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Proposes a cadre for every firm that has none, keeping every pairing that exists.
 *
 * Loads are balanced: with n firms and c cadres, no cadre is given more than ⌈n / c⌉ and at most
 * n mod c cadres go above ⌊n / c⌋, so without kept pairings the loads differ by one at most. Within
 * that, a cadre's firms are kept together by town and then by industry, so that one cadre visits
 * few places and learns few trades: the firms are taken in (town, industry, name) order and each
 * goes to the cadre scoring highest (4 for the cadre's own town, 2 for a firm of that town already
 * in their set, 1 for one of that industry), ties to the least loaded, then by name and id. The
 * result depends only on the inputs' content, not their order. Hand-written: it is a small
 * greedy rule of the district's own, not a general assignment problem a library would solve.
 */
export function proposeLiaison(
  firms: readonly LiaisonFirm[],
  cadres: readonly LiaisonCadre[],
  kept: readonly Pairing[],
): LiaisonProposal {
  const loads: Record<string, number> = Object.fromEntries(cadres.map((c) => [c.id, 0]));
  if (cadres.length === 0) return { pairs: [], loads };
  const firmById = new Map(firms.map((f) => [f.id, f]));
  const keptPairs = kept.filter((p) => firmById.has(p.firmId) && p.cadreId in loads);
  const towns = new Map(cadres.map((c) => [c.id, new Set<string>()]));
  const trades = new Map(cadres.map((c) => [c.id, new Set<string>()]));
  const take = (cadreId: string, firm: LiaisonFirm) => {
    loads[cadreId]! += 1;
    towns.get(cadreId)!.add(firm.townId);
    trades.get(cadreId)!.add(firm.industryCode);
  };
  for (const p of keptPairs) take(p.cadreId, firmById.get(p.firmId)!);

  const floor = Math.floor(firms.length / cadres.length);
  let extraSlots = firms.length % cadres.length;
  for (const load of Object.values(loads)) if (load > floor) extraSlots -= 1;
  const order = [...cadres].sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id));
  const home = new Map(order.map((c) => [c.id, new Set(c.homeTownIds ?? [])]));
  const pairedFirms = new Set(keptPairs.map((p) => p.firmId));
  const open = firms
    .filter((f) => !pairedFirms.has(f.id))
    .sort(
      (a, b) =>
        byCodePoint(a.townId, b.townId) ||
        byCodePoint(a.industryCode, b.industryCode) ||
        byCodePoint(a.name, b.name) ||
        byCodePoint(a.id, b.id),
    );

  const pairs: Pairing[] = [...keptPairs];
  for (const firm of open) {
    let best: LiaisonCadre | undefined;
    let bestScore = -1;
    for (const cadre of order) {
      const load = loads[cadre.id]!;
      // Room: below the floor, or one above it while extra slots remain.
      const room = load < floor || (load === floor && extraSlots > 0);
      if (!room) continue;
      const score =
        (home.get(cadre.id)!.has(firm.townId) ? 4 : 0) +
        (towns.get(cadre.id)!.has(firm.townId) ? 2 : 0) +
        (trades.get(cadre.id)!.has(firm.industryCode) ? 1 : 0);
      if (score > bestScore || (score === bestScore && load < loads[best!.id]!)) {
        best = cadre;
        bestScore = score;
      }
    }
    // Kept pairings may have filled every slot: the rest go to the least loaded.
    best ??= order.reduce((a, b) => (loads[b.id]! < loads[a.id]! ? b : a));
    if (loads[best.id] === floor) extraSlots -= 1;
    take(best.id, firm);
    pairs.push({ firmId: firm.id, cadreId: best.id });
  }
  return { pairs, loads };
}

export type VisitState = 'ok' | 'dueSoon' | 'overdue';

export interface VisitDue {
  /** The day by which the next visit is due: the last visit (or the pairing) plus the frequency. */
  dueOn: string;
  state: VisitState;
  /** Days past the due date; 0 unless overdue. */
  daysOverdue: number;
}

/**
 * When a paired firm is next to be visited. Calendar days, not working days: the frequency is a
 * rhythm of visits ("once a quarter"), not a deadline of an office's answer.
 */
export function visitDue(
  lastVisitOn: string | null,
  pairedOn: string,
  today: string,
  everyDays: number,
  soonDays: number,
): VisitDue {
  const from = toDayNumber(lastVisitOn && lastVisitOn > pairedOn ? lastVisitOn : pairedOn);
  const due = from + everyDays;
  const now = toDayNumber(today);
  const state: VisitState = now > due ? 'overdue' : due - now <= soonDays ? 'dueSoon' : 'ok';
  return { dueOn: fromDayNumber(due), state, daysOverdue: state === 'overdue' ? now - due : 0 };
}
