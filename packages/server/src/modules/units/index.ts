import { abilitiesOf } from '../../kernel/abilities.js';
import { defineModule } from '../../kernel/module.js';
import { unitAuditTitles } from './api.js';
import { unitDocs } from './operation-docs.js';
import { unitsPolicy } from './policy.js';
import { unitsRouter } from './routes/units.js';
import * as tables from './schema.js';
import { seedUnitsDemo } from './seed/demo.js';

/** The unit tree (单位): departments, streets, towns and villages; every scope hangs off it. */
export const unitsModule = defineModule({
  name: 'units',
  auditTitles: unitAuditTitles,
  router: unitsRouter,
  operationDocs: unitDocs,
  tables,
  uniqueFields: { units_code_key: 'code' },
  seedDemo: (ctx) => seedUnitsDemo(ctx),
  menu: [
    {
      path: '/admin/units',
      label: 'admin.menu.units',
      visible: (p) => unitsPolicy.can(p, 'unit.create', undefined),
    },
  ],
  abilities: abilitiesOf(
    unitsPolicy,
    ['unit.create', 'unit.update', 'unit.delete', 'unit.import'],
    (path) => ({
      path,
    }),
  ),
  i18nNamespace: 'units',
});
