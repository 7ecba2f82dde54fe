import { newRouter } from '../../http/route-helpers.js';
import { abilitiesOf } from '../../kernel/abilities.js';
import { defineModule } from '../../kernel/module.js';
import { reformAuditTitles } from './api.js';
import { startReminders } from './commands/sendReminders.js';
import { recountReformDeadlines } from './deadline-recount.js';
import { reformsBattleDocs } from './operation-docs-battles.js';
import { reformsProjectDocs } from './operation-docs-projects.js';
import { reformsPublicDocs } from './operation-docs-public.js';
import { reformsReportDocs } from './operation-docs-reports.js';
import { reformsStudyDocs } from './operation-docs-study.js';
import { mayEverReform, type ReformAction, reformsPolicy } from './policy.js';
import { mayEverStudy } from './policy-study.js';
import { reformsWaiting } from './queries/waiting.js';
import { adoptionPublicRouter, adoptionRouter } from './routes/adoption.js';
import { battlesRouter } from './routes/battles.js';
import { casesRouter } from './routes/cases.js';
import { listsRouter } from './routes/lists.js';
import { projectsRouter } from './routes/projects.js';
import { reformsPublicRouter } from './routes/public.js';
import { reportsRouter } from './routes/reports.js';
import { studyRouter } from './routes/study.js';
import { studyPublicRouter } from './routes/study-public.js';
import { studySessionsRouter } from './routes/study-sessions.js';
import * as tables from './schema.js';
import { seedReformsDemo } from './seed/demo.js';

/** Every route of the reforms module (改革清单), mounted under /api/v1. */
const reformsRouter = newRouter()
  .route('/', reformsPublicRouter)
  .route('/', listsRouter)
  .route('/', projectsRouter)
  .route('/', reportsRouter)
  .route('/', battlesRouter)
  .route('/', casesRouter)
  .route('/', studyPublicRouter)
  .route('/', studyRouter)
  .route('/', studySessionsRouter)
  .route('/', adoptionPublicRouter)
  .route('/', adoptionRouter);

const may = (action: ReformAction) => (p: Parameters<typeof mayEverReform>[0]) => mayEverReform(p, action);

/** 改革清单: the reform lists and projects, their milestones, monthly reports and the office's review. */
export const reformsModule = defineModule({
  name: 'reforms',
  recountDeadlines: recountReformDeadlines,
  auditTitles: reformAuditTitles,
  router: reformsRouter,
  operationDocs: {
    ...reformsPublicDocs,
    ...reformsProjectDocs,
    ...reformsReportDocs,
    ...reformsBattleDocs,
    ...reformsStudyDocs,
  },
  waiting: reformsWaiting,
  tables,
  // A create or an edit that raced past its own check of the code meets the index: answered as the check would.
  uniqueFields: {
    reform_lists_name_key: 'name',
    reform_projects_code_key: 'code',
    reform_battles_name_key: 'name',
    reform_cases_title_key: 'title',
  },
  seedDemo: (ctx, seed) => seedReformsDemo(ctx, seed.now),
  menu: [
    { path: '/admin/reforms/projects', label: 'reforms.menu.projects', visible: may('ledger.read') },
    { path: '/admin/reforms/reports', label: 'reforms.menu.reports', visible: may('report.read') },
    { path: '/admin/reforms/lists', label: 'reforms.menu.lists', visible: may('list.write') },
    { path: '/admin/reforms/battles', label: 'reforms.menu.battles', visible: may('battle.read') },
    { path: '/admin/reforms/cases', label: 'reforms.menu.cases', visible: may('case.read') },
    {
      path: '/admin/reforms/learning',
      label: 'reforms.menu.learning',
      visible: (p) => mayEverStudy(p, 'study.read'),
    },
  ],
  // What the campaign's adoption page offers: a project in these scopes, a key battle.
  abilities: abilitiesOf(reformsPolicy, ['suggestion.adopt', 'battle.write'], (unitPath) => ({ unitPath })),
  i18nNamespace: 'reforms',
  // Reminders before due dates, hourly; each goes out once (see reminders.ts).
  start: (db, onError) => startReminders(db, onError),
});
