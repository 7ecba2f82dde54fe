import { todayInChina } from '../../../kernel/deadlines.js';
import type { WaitingCounter } from '../../../kernel/waiting.js';
import { mayEverInspect } from '../policy.js';
import { myInspections } from './visits.js';

/** An inspector's visits of published plans not yet completed, those past their date apart. */
export const inspectionsWaiting: WaitingCounter = async (ctx) => {
  if (!mayEverInspect(ctx.principal, 'visit.inspect')) return [];
  const open = (await myInspections(ctx)).filter((v) => v.status !== 'completed');
  const today = todayInChina();
  return [
    {
      key: 'toVisit',
      count: open.length,
      overdue: open.filter((v) => v.date < today).length,
      path: '/inspections/visits',
    },
  ];
};
