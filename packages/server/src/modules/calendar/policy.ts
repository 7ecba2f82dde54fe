import type { Principal } from '../../auth/principal.js';
import { definePolicy } from '../../kernel/policy.js';
import { isDistrictAdmin } from '../users/api.js';

export type CalendarAction = 'calendar.read' | 'calendar.load' | 'calendar.unload';

/**
 * The calendar is the same for every office of the district and anyone signed in may read it;
 * loading or removing a year changes every deadline, so it is the district office's.
 */
export const calendarPolicy = definePolicy<CalendarAction, undefined>({
  'calendar.read': (p) => !!p,
  'calendar.load': (p) => isDistrictAdmin(p),
  'calendar.unload': (p) => isDistrictAdmin(p),
});

export const canCalendar = (p: Principal | null, action: CalendarAction): boolean =>
  calendarPolicy.can(p, action, undefined);
