import * as auditTables from '../audit/schema.js';
import * as authTables from '../auth/schema.js';
import { registerDeadlineRecounts } from '../kernel/deadline-recount.js';
import type { ModuleDefinition } from '../kernel/module.js';
import * as kernelTables from '../kernel/schema.js';
import { businessModule } from './business/index.js';
import { calendarModule } from './calendar/index.js';
import { ideasModule } from './ideas/index.js';
import { inspectionsModule } from './inspections/index.js';
import { reformsModule } from './reforms/index.js';
import { targetsModule } from './targets/index.js';
import { unitsModule } from './units/index.js';
import { usersModule } from './users/index.js';

/**
 * Every module of the platform, in dependency order: the demo seeds run in this order and the
 * routers are mounted in it. Adding a module is one line here.
 */
export const modules: readonly ModuleDefinition[] = [
  unitsModule,
  usersModule,
  calendarModule,
  targetsModule,
  ideasModule,
  businessModule,
  reformsModule,
  inspectionsModule,
];

// The calendar module counts on these when a year's holidays are loaded.
registerDeadlineRecounts(modules);

/** Every table of the platform and its modules (backups walk them). */
export function allTables(): unknown[] {
  return [auditTables, authTables, kernelTables, ...modules.map((m) => m.tables)].flatMap((t) =>
    Object.values(t),
  );
}
