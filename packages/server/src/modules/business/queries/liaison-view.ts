import { type VisitDue, visitDue } from '@qianxing/core/business';
import { and, inArray, isNull, max, or } from 'drizzle-orm';
import { hasRole } from '../../../auth/principal.js';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { type UnitBrief, unitBriefs } from '../../units/api.js';
import { displayNames, holdersOf } from '../../users/api.js';
import type { LiaisonSettings } from '../contracts-liaison.js';
import { pairedFirmIds } from '../pairs.js';
import { type LiaisonAction, liaisonScope, mayEverLiaison } from '../policy-liaison.js';
import {
  businessFirms,
  businessLiaisonPairs,
  businessLiaisonSettings,
  businessLiaisonVisits,
} from '../schema.js';
import { catalogueName } from '../views.js';
import { listIndustries } from './industries.js';

export const defaultLiaisonSettings: LiaisonSettings = { visitEveryDays: 90, dueSoonDays: 14 };

export async function liaisonSettings(db: Db): Promise<LiaisonSettings> {
  const [row] = await db.select().from(businessLiaisonSettings).limit(1);
  return row ? { visitEveryDays: row.visitEveryDays, dueSoonDays: row.dueSoonDays } : defaultLiaisonSettings;
}

export interface ViewFirm {
  id: string;
  name: string;
  townId: string;
  industryCode: string;
  cadreId: string | null;
  pairedOn: string | null;
  lastVisitOn: string | null;
  due: VisitDue | null;
}

export interface LiaisonView {
  firms: ViewFirm[];
  /** The roster in the office's scope (or the cadre alone), with their units. */
  cadres: Array<{ id: string; name: string; unitId: string }>;
  names: Map<string, string>;
  units: Map<string, UnitBrief>;
  industries: Map<string, string>;
  settings: LiaisonSettings;
  /** Firm ids the actor looks after as their cadre. */
  own: Set<string>;
}

const inside = (path: string, scopes: readonly string[]) => scopes.some((s) => path.startsWith(s));

/**
 * Every firm the actor sees for `action` with its pairing and visit due: the office's and the
 * commission's firms by the towns of their scope, a cadre's those paired with them.
 */
export async function loadLiaisonView(ctx: ServiceContext, action: LiaisonAction): Promise<LiaisonView> {
  const p = ctx.principal;
  if (!mayEverLiaison(p, action)) throw forbidden();
  const scopes = liaisonScope(p, action);
  const own = new Set(
    action === 'liaison.read' && hasRole(p, 'liaison') ? await pairedFirmIds(ctx.db, p!.userId) : [],
  );
  const [allUnits, industries, settings, roster] = await Promise.all([
    unitBriefs(ctx.db),
    listIndustries(ctx.db),
    liaisonSettings(ctx.db),
    holdersOf(ctx.db, 'liaison'),
  ]);
  const units = new Map(allUnits.map((u) => [u.id, u]));
  const towns = allUnits.filter((u) => inside(u.path, scopes)).map((u) => u.id);
  const conditions = [
    ...(towns.length ? [inArray(businessFirms.townId, towns)] : []),
    ...(own.size ? [inArray(businessFirms.id, [...own])] : []),
  ];
  const firms = conditions.length
    ? await ctx.db
        .select({
          id: businessFirms.id,
          name: businessFirms.name,
          townId: businessFirms.townId,
          industryCode: businessFirms.industryCode,
        })
        .from(businessFirms)
        .where(conditions.length === 1 ? conditions[0] : or(...conditions))
    : [];
  const ids = firms.map((f) => f.id);
  const [pairs, visits] = ids.length
    ? await Promise.all([
        ctx.db
          .select({
            firmId: businessLiaisonPairs.firmId,
            cadreId: businessLiaisonPairs.cadreId,
            pairedOn: businessLiaisonPairs.pairedOn,
          })
          .from(businessLiaisonPairs)
          .where(and(inArray(businessLiaisonPairs.firmId, ids), isNull(businessLiaisonPairs.endedOn))),
        ctx.db
          .select({ firmId: businessLiaisonVisits.firmId, last: max(businessLiaisonVisits.visitedOn) })
          .from(businessLiaisonVisits)
          .where(inArray(businessLiaisonVisits.firmId, ids))
          .groupBy(businessLiaisonVisits.firmId),
      ])
    : [[], []];
  const pairOf = new Map(pairs.map((r) => [r.firmId, r]));
  const lastOf = new Map(visits.map((v) => [v.firmId, v.last]));
  const cadres = roster.filter((c) => inside(units.get(c.unitId)?.path ?? '', scopes) || c.id === p!.userId);
  const names = await displayNames(ctx.db, [
    ...new Set([...cadres.map((c) => c.id), ...pairs.map((r) => r.cadreId)]),
  ]);
  const today = todayInChina();
  return {
    firms: firms.map((f) => {
      const pair = pairOf.get(f.id);
      const last = lastOf.get(f.id) ?? null;
      return {
        ...f,
        cadreId: pair?.cadreId ?? null,
        pairedOn: pair?.pairedOn ?? null,
        lastVisitOn: last,
        due: pair
          ? visitDue(last, pair.pairedOn, today, settings.visitEveryDays, settings.dueSoonDays)
          : null,
      };
    }),
    cadres: [...new Map(cadres.map((c) => [c.id, { ...c, name: names.get(c.id) ?? '' }])).values()],
    names,
    units,
    industries: new Map(industries.map((i) => [i.code, catalogueName(i, ctx.locale)])),
    settings,
    own,
  };
}
