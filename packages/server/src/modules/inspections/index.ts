import { newRouter } from '../../http/route-helpers.js';
import { abilitiesOf } from '../../kernel/abilities.js';
import { defineModule } from '../../kernel/module.js';
import { inspectionAuditTitles } from './api.js';
import { recountInspectionDeadlines } from './deadline-recount.js';
import { inspectionPoolDocs } from './operation-docs-pools.js';
import { inspectionVisitDocs } from './operation-docs-visits.js';
import { type InspectionAction, inspectionsPolicy, mayEverInspect } from './policy.js';
import { inspectionsWaiting } from './queries/waiting.js';
import { excelRouter } from './routes/excel.js';
import { plansRouter } from './routes/plans.js';
import { poolsRouter } from './routes/pools.js';
import { inspectionsPublicRouter } from './routes/public.js';
import { resultsRouter } from './routes/results.js';
import { tasksRouter } from './routes/tasks.js';
import { verificationRouter } from './routes/verification.js';
import { visitsRouter } from './routes/visits.js';
import * as tables from './schema.js';
import { seedInspectionsDemo } from './seed/demo.js';

/** Every route of the inspections module (综合查一次, 双随机), mounted under /api/v1. */
const inspectionsRouter = newRouter()
  .route('/', inspectionsPublicRouter)
  .route('/', excelRouter)
  .route('/', poolsRouter)
  .route('/', tasksRouter)
  .route('/', plansRouter)
  .route('/', visitsRouter)
  .route('/', resultsRouter)
  .route('/', verificationRouter);

const may = (action: InspectionAction) => (p: Parameters<typeof mayEverInspect>[0]) =>
  mayEverInspect(p, action);

/** 双随机、一公开 and 综合查一次: inspection lists, inspectors, firms' risk levels, verifiable draws. */
export const inspectionsModule = defineModule({
  name: 'inspections',
  auditTitles: inspectionAuditTitles,
  router: inspectionsRouter,
  operationDocs: { ...inspectionPoolDocs, ...inspectionVisitDocs },
  waiting: inspectionsWaiting,
  recountDeadlines: recountInspectionDeadlines,
  tables,
  // A create or an edit that raced past its own check of the code meets the index: answered as the check would.
  uniqueFields: { inspection_items_code_key: 'code' },
  seedDemo: (ctx, seed) => seedInspectionsDemo(ctx, seed),
  menu: [
    { path: '/admin/inspections/tasks', label: 'inspections.menu.tasks', visible: may('task.read') },
    { path: '/admin/inspections/plans', label: 'inspections.menu.plans', visible: may('plan.read') },
    { path: '/admin/inspections/items', label: 'inspections.menu.items', visible: may('pool.read') },
    {
      path: '/admin/inspections/inspectors',
      label: 'inspections.menu.inspectors',
      visible: may('pool.read'),
    },
    { path: '/admin/inspections/firms', label: 'inspections.menu.firms', visible: may('pool.read') },
    {
      path: '/admin/inspections/verify',
      label: 'inspections.menu.verify',
      visible: may('rectification.verify'),
    },
    // Not a console page: an inspector's visits on the public site, made for a phone.
    { path: '/inspections/visits', label: 'inspections.menu.visits', visible: may('visit.inspect') },
  ],
  // The pool pages' "new", template and import buttons, shown only to those who keep a pool; the
  // tasks page's "new task" and its departments, those whose tasks the reader defines; the plans
  // page's "make a plan", shown only to the district office, which plans across departments.
  abilities: abilitiesOf(
    inspectionsPolicy,
    ['item.write', 'inspector.write', 'task.write', 'plan.write'],
    (unitPath) => ({
      unitPaths: [unitPath],
    }),
  ),
  i18nNamespace: 'inspections',
});
