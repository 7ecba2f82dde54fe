import { isStaff } from '../../auth/principal.js';
import { newRouter } from '../../http/route-helpers.js';
import { abilitiesOf } from '../../kernel/abilities.js';
import { defineModule } from '../../kernel/module.js';
import { targetAuditTitles } from './api.js';
import { recountTargetDeadlines } from './deadline-recount.js';
import { targetsLibraryDocs } from './operation-docs-library.js';
import { targetsPlanDocs } from './operation-docs-plans.js';
import { targetsScorecardDocs } from './operation-docs-scorecards.js';
import { targetsPolicy } from './policy.js';
import { targetsWaiting } from './queries/waiting.js';
import { libraryRouter } from './routes/library.js';
import { plansRouter } from './routes/plans.js';
import { regionalRouter } from './routes/regional.js';
import { reportsRouter } from './routes/reports.js';
import { scorecardsRouter } from './routes/scorecards.js';
import * as tables from './schema.js';
import { seedTargetsDemo } from './seed/demo.js';

/** Every route of the targets module (赶超目标), mounted under /api/v1. */
const targetsRouter = newRouter()
  .route('/', libraryRouter)
  .route('/', plansRouter)
  .route('/', reportsRouter)
  .route('/', scorecardsRouter)
  .route('/', regionalRouter);

const unitScope = (unitPath: string) => ({ unitPath });
const staffOfUnits = (p: Parameters<typeof targetsPolicy.can>[0]) =>
  targetsPolicy.mayEver(p, 'plan.read', unitScope);

/** 赶超目标: indicators, benchmarks, catch-up plans, quarterly reports and scorecards; 跳出黔江看黔江. */
export const targetsModule = defineModule({
  name: 'targets',
  recountDeadlines: recountTargetDeadlines,
  auditTitles: targetAuditTitles,
  router: targetsRouter,
  operationDocs: { ...targetsLibraryDocs, ...targetsPlanDocs, ...targetsScorecardDocs },
  waiting: targetsWaiting,
  tables,
  // A create or an edit that raced past its own check of the code meets the index: answered as the check would.
  uniqueFields: { target_indicators_code_key: 'code', target_regions_code_key: 'code' },
  seedDemo: (ctx) => seedTargetsDemo(ctx),
  menu: [
    { path: '/admin/targets/indicators', label: 'targets.menu.indicators', visible: staffOfUnits },
    // The peer regions and their values are kept by whoever may write the library.
    {
      path: '/admin/targets/benchmarks',
      label: 'targets.menu.benchmarks',
      visible: (p) => targetsPolicy.can(p, 'library.write', undefined),
    },
    { path: '/admin/targets/plans', label: 'targets.menu.plans', visible: staffOfUnits },
    { path: '/admin/targets/reports', label: 'targets.menu.reports', visible: staffOfUnits },
    {
      path: '/admin/targets/scorecards',
      label: 'targets.menu.scorecards',
      visible: (p) => targetsPolicy.can(p, 'scorecard.readDraft', undefined),
    },
    // The regional comparison (跳出黔江看黔江) is for every member of staff.
    { path: '/admin/targets/regional', label: 'targets.menu.regional', visible: isStaff },
  ],
  abilities: abilitiesOf(
    targetsPolicy,
    [
      'library.write',
      'plan.create',
      'scorecard.compute',
      'scorecard.publish',
      'evaluation.summary',
      'regional.write',
    ],
    unitScope,
  ),
  i18nNamespace: 'targets',
});
