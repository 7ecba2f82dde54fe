import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../modules/units/schema.js';
import { roles } from '../modules/users/schema.js';
import { openApiDocument } from '../openapi/document.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';

/**
 * The authorisation matrix: every route of the API, and which roles may call it. `public`
 * routes take anyone, `signedIn` any account; otherwise the listed roles only. A refused call
 * gets UNAUTHENTICATED (anonymous) or FORBIDDEN / NOT_FOUND (signed in); an allowed one never
 * gets UNAUTHENTICATED or FORBIDDEN (it may still fail for other reasons, such as a wrong password).
 */
type Who = 'public' | 'signedIn' | ReadonlyArray<(typeof roles)[number]>;
interface Ids {
  root: string;
  target: string;
  unit: string;
}
const matrix: Record<string, { who: Who; call: (ids: Ids) => [string, string, unknown?] }> = {
  health: { who: 'public', call: () => ['GET', '/api/health'] },
  'auth.session': { who: 'public', call: () => ['GET', '/api/v1/auth/session'] },
  'auth.login': {
    who: 'public',
    call: () => ['POST', '/api/v1/auth/login', { login: 'nobody', password: 'x' }],
  },
  'auth.requestCode': { who: 'public', call: () => ['POST', '/api/v1/auth/register/code', { phone: 'bad' }] },
  'auth.register': { who: 'public', call: () => ['POST', '/api/v1/auth/register', {}] },
  'invitation.describe': { who: 'public', call: () => ['GET', `/api/v1/auth/invitations/${'x'.repeat(43)}`] },
  'invitation.accept': {
    who: 'public',
    call: () => ['POST', `/api/v1/auth/invitations/${'x'.repeat(43)}/accept`, {}],
  },
  'unit.list': { who: 'public', call: () => ['GET', '/api/v1/units'] },
  'unit.template': { who: 'public', call: () => ['GET', '/api/v1/units/template'] },
  // Signing out without a session is a harmless no-op, so it is open to anyone.
  'auth.logout': { who: 'public', call: () => ['POST', '/api/v1/auth/logout'] },
  'auth.changePassword': {
    who: 'signedIn',
    call: () => ['POST', '/api/v1/auth/password', { current: 'wrong', next: 'x' }],
  },
  'unit.export': { who: 'signedIn', call: () => ['GET', '/api/v1/units/export'] },
  'user.list': { who: ['admin'], call: () => ['GET', '/api/v1/users'] },
  'user.create': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/users',
      { login: `m.${Math.random().toString(36).slice(2, 8)}`, displayName: '矩阵', roles: [] },
    ],
  },
  'user.read': { who: ['admin'], call: (i) => ['GET', `/api/v1/users/${i.target}`] },
  'user.update': {
    who: ['admin'],
    call: (i) => ['PATCH', `/api/v1/users/${i.target}`, { displayName: '改名' }],
  },
  'user.assignRoles': {
    who: ['admin'],
    call: (i) => ['PUT', `/api/v1/users/${i.target}/roles`, { roles: [{ role: 'citizen', unitId: i.root }] }],
  },
  'user.resetPassword': { who: ['admin'], call: (i) => ['POST', `/api/v1/users/${i.target}/reset-password`] },
  'user.revokeSessions': {
    who: ['admin'],
    call: (i) => ['POST', `/api/v1/users/${i.target}/revoke-sessions`],
  },
  'invitation.create': {
    who: ['admin'],
    call: (i) => [
      'POST',
      '/api/v1/invitations',
      { displayName: '受邀人', roles: [{ role: 'expert', unitId: i.root }] },
    ],
  },
  'unit.create': {
    who: ['admin'],
    call: (i) => [
      'POST',
      '/api/v1/units',
      { code: `M-${Math.random().toString(36).slice(2, 8)}`, name: '矩阵', kind: 'other', parentId: i.root },
    ],
  },
  'unit.update': { who: ['admin'], call: (i) => ['PATCH', `/api/v1/units/${i.unit}`, { name: '矩阵改名' }] },
  'unit.delete': { who: ['admin'], call: () => ['DELETE', `/api/v1/units/${crypto.randomUUID()}`] },
  'unit.import': { who: ['admin'], call: () => ['POST', '/api/v1/units/import', 'not a workbook'] },
  'audit.list': { who: ['admin', 'supervisor'], call: () => ['GET', '/api/v1/audit/events'] },
  'audit.verify': { who: ['admin', 'supervisor'], call: () => ['GET', '/api/v1/audit/chain'] },
  'auditPublic.checkpoints': { who: 'public', call: () => ['GET', '/api/v1/public/audit/checkpoints'] },
  // Targets (赶超目标). Ids that do not exist answer NOT_FOUND to everyone, which the matrix
  // accepts for allowed roles; policies are checked before lookups where a role is refused outright.
  'indicator.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/indicators'] },
  'indicator.export': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/indicators/export'] },
  'indicator.template': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/indicators/template'] },
  'indicator.create': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/targets/indicators',
      {
        code: `M-${Math.random().toString(36).slice(2, 8)}`,
        name: '矩阵指标',
        measure: '%',
        direction: 'higher',
        category: 'economy',
      },
    ],
  },
  'indicator.update': {
    who: ['admin'],
    call: () => ['PATCH', `/api/v1/targets/indicators/${crypto.randomUUID()}`, { name: '改名' }],
  },
  'indicator.import': {
    who: ['admin'],
    call: () => ['POST', '/api/v1/targets/indicators/import', 'not a workbook'],
  },
  'region.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/regions'] },
  'region.create': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/targets/regions',
      { code: `R-${Math.random().toString(36).slice(2, 8)}`, name: '矩阵地区', kind: 'peer' },
    ],
  },
  'benchmark.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/benchmarks'] },
  'benchmark.set': {
    who: ['admin'],
    call: () => [
      'PUT',
      '/api/v1/targets/benchmarks',
      { regionId: crypto.randomUUID(), indicatorId: crypto.randomUUID(), period: '2025', value: 1 },
    ],
  },
  'benchmark.import': {
    who: ['admin'],
    call: () => ['POST', '/api/v1/targets/benchmarks/import', 'not a workbook'],
  },
  'targetSettings.read': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/settings'] },
  'targetSettings.update': {
    who: ['admin'],
    call: () => ['PUT', '/api/v1/targets/settings', { reportDeadlineWorkdays: 10 }],
  },
  'plan.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/plans'] },
  // A plan for a unit outside the department's scope: only the office may write it.
  'plan.create': {
    who: ['admin'],
    call: (i) => [
      'POST',
      '/api/v1/targets/plans',
      { unitId: i.unit, year: 2030 + Math.floor(Math.random() * 60), items: [] },
    ],
  },
  'plan.read': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `/api/v1/targets/plans/${crypto.randomUUID()}`],
  },
  'plan.update': {
    who: ['admin', 'department_staff'],
    call: () => ['PUT', `/api/v1/targets/plans/${crypto.randomUUID()}`, { items: [] }],
  },
  'plan.submit': {
    who: ['admin', 'department_staff'],
    call: () => ['POST', `/api/v1/targets/plans/${crypto.randomUUID()}/submit`],
  },
  'plan.approve': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/plans/${crypto.randomUUID()}/approve`],
  },
  'plan.return': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/plans/${crypto.randomUUID()}/return`, { reason: '请修改' }],
  },
  'report.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/reports?period=2026Q3'] },
  'report.create': {
    who: ['admin', 'department_staff'],
    call: () => [
      'POST',
      '/api/v1/targets/reports',
      { planId: crypto.randomUUID(), period: '2026Q3', values: [] },
    ],
  },
  'report.read': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `/api/v1/targets/reports/${crypto.randomUUID()}`],
  },
  'report.update': {
    who: ['admin', 'department_staff'],
    call: () => ['PUT', `/api/v1/targets/reports/${crypto.randomUUID()}`, { values: [] }],
  },
  'report.submit': {
    who: ['admin', 'department_staff'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/submit`],
  },
  'report.approve': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/approve`],
  },
  'report.return': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/return`, { reason: '请补充佐证' }],
  },
  'report.workbook': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `/api/v1/targets/reports/${crypto.randomUUID()}/workbook`],
  },
  'report.import': {
    who: ['admin', 'department_staff'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/import`, 'not a workbook'],
  },
  'evidence.add': {
    who: ['admin', 'department_staff'],
    call: () => ['POST', `/api/v1/targets/reports/${crypto.randomUUID()}/evidence`, 'not a form'],
  },
  'evidence.read': {
    who: ['admin', 'supervisor', 'department_staff'],
    call: () => ['GET', `/api/v1/targets/evidence/${crypto.randomUUID()}`],
  },
  'evidence.remove': {
    who: ['admin', 'department_staff'],
    call: () => ['DELETE', `/api/v1/targets/evidence/${crypto.randomUUID()}`],
  },
  'scorecard.list': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/scorecards'] },
  'scorecard.compute': {
    who: ['admin'],
    call: () => ['POST', '/api/v1/targets/scorecards', { period: '2026Q4' }],
  },
  'scorecard.read': {
    who: 'signedIn',
    call: () => ['GET', `/api/v1/targets/scorecards/${crypto.randomUUID()}`],
  },
  'scorecard.publish': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/targets/scorecards/${crypto.randomUUID()}/publish`],
  },
  'publicScorecard.latest': { who: 'public', call: () => ['GET', '/api/v1/public/scorecards/latest'] },
  'publicScorecard.read': { who: 'public', call: () => ['GET', '/api/v1/public/scorecards/2026Q1'] },
  'evaluation.unitExport': {
    who: ['admin', 'supervisor'],
    call: (i) => ['GET', `/api/v1/targets/evaluation/units/${i.unit}?year=2026`],
  },
  'evaluation.summary': {
    who: ['admin', 'supervisor'],
    call: () => ['GET', '/api/v1/targets/evaluation/summary?year=2026'],
  },
  'regional.import': { who: ['admin'], call: () => ['POST', '/api/v1/targets/regional/import', 'not,a,csv'] },
  'regional.report': { who: 'signedIn', call: () => ['GET', '/api/v1/targets/regional/report?year=2020'] },
  'regional.reportHtml': {
    who: 'signedIn',
    call: () => ['GET', '/api/v1/targets/regional/report.html?year=2020'],
  },
  'regional.reportXlsx': {
    who: 'signedIn',
    call: () => ['GET', '/api/v1/targets/regional/report.xlsx?year=2020'],
  },
  // Ideas (建言献策). Public routes take anyone; staff routes their roles.
  'ideasPublic.campaign': { who: 'public', call: () => ['GET', '/api/v1/public/campaign'] },
  'ideasPublic.submit': { who: 'public', call: () => ['POST', '/api/v1/public/suggestions', {}] },
  'ideasPublic.similar': {
    who: 'public',
    call: () => ['POST', '/api/v1/public/suggestions/similar', { text: '高铁站公交' }],
  },
  'ideasPublic.recent': { who: 'public', call: () => ['GET', '/api/v1/public/suggestions/recent?limit=3'] },
  'ideasPublic.list': { who: 'public', call: () => ['GET', '/api/v1/public/suggestions'] },
  'ideasPublic.read': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/suggestions/${crypto.randomUUID()}`],
  },
  'ideasPublic.support': {
    who: 'public',
    call: () => ['POST', `/api/v1/public/suggestions/${crypto.randomUUID()}/support`],
  },
  'ideasPublic.comment': {
    who: 'public',
    call: () => ['POST', `/api/v1/public/suggestions/${crypto.randomUUID()}/comments`, { body: '矩阵评论' }],
  },
  'ideasPublic.comments': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/suggestions/${crypto.randomUUID()}/comments`],
  },
  'ideasPublic.answerSurvey': { who: 'public', call: () => ['POST', '/api/v1/public/survey', {}] },
  'ideasPublic.track': { who: 'public', call: () => ['GET', '/api/v1/public/track/ZZZZZZZZZZ'] },
  'ideasPublic.stats': { who: 'public', call: () => ['GET', '/api/v1/public/stats'] },
  'ideasPublic.lists': { who: 'public', call: () => ['GET', '/api/v1/public/lists'] },
  'ideasPublic.actions': { who: 'public', call: () => ['GET', '/api/v1/public/actions'] },
  'suggestion.queue': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/suggestions'],
  },
  'suggestion.staffRead': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', `/api/v1/ideas/suggestions/${crypto.randomUUID()}`],
  },
  'suggestion.submitWritten': {
    who: ['admin', 'organiser'],
    call: (i) => [
      'POST',
      '/api/v1/ideas/suggestions',
      {
        title: '矩阵测试建议',
        body: '这是一条用于权限矩阵测试的建议内容。',
        townId: i.root,
        authorKind: 'resident',
        channel: 'written',
      },
    ],
  },
  'suggestion.screen': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['POST', `/api/v1/ideas/suggestions/${crypto.randomUUID()}/screen`, { decision: 'accept' }],
  },
  'suggestion.screenBulk': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['POST', '/api/v1/ideas/screening/bulk', { ids: [crypto.randomUUID()], decision: 'accept' }],
  },
  'suggestion.importTemplate': { who: 'public', call: () => ['GET', '/api/v1/ideas/import/template'] },
  'suggestion.import': {
    who: ['admin', 'organiser'],
    call: () => ['POST', '/api/v1/ideas/import', 'not a workbook'],
  },
  'event.list': { who: ['admin', 'organiser'], call: () => ['GET', '/api/v1/ideas/events'] },
  'event.read': {
    who: ['admin', 'organiser'],
    call: () => ['GET', `/api/v1/ideas/events/${crypto.randomUUID()}`],
  },
  'event.create': {
    who: ['admin'],
    call: (i) => [
      'POST',
      '/api/v1/ideas/events',
      { kind: 'forum', title: '矩阵', heldOn: '2020-05-01', organiserUnitId: i.root },
    ],
  },
  'event.update': {
    who: ['admin', 'organiser'],
    call: () => ['PATCH', `/api/v1/ideas/events/${crypto.randomUUID()}`, { title: '改名' }],
  },
  'campaign.list': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/campaigns'] },
  'campaign.create': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/ideas/campaigns',
      {
        code: `m-${Math.random().toString(36).slice(2, 8)}`,
        theme: '矩阵',
        startsOn: '2027-01-01',
        endsOn: '2027-02-01',
        focusAreas: [],
        domains: [{ code: 'a', name: '甲', description: '' }],
        channels: ['online'],
        authorKinds: ['resident'],
        rubric: [{ code: 'value', name: '价值性', weight: 1 }],
        rejectReasons: ['off_topic'],
        listSizes: { golden_idea: 10, good_idea: 10, hard_problem: 10 },
      },
    ],
  },
  'campaign.update': {
    who: ['admin'],
    call: () => ['PATCH', `/api/v1/ideas/campaigns/${crypto.randomUUID()}`, { theme: '改名' }],
  },
  'campaign.makeCurrent': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/ideas/campaigns/${crypto.randomUUID()}/make-current`],
  },
  'attachment.add': {
    who: ['admin', 'organiser'],
    call: () => ['POST', `/api/v1/ideas/suggestions/${crypto.randomUUID()}/attachments`],
  },
  'attachment.read': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', `/api/v1/ideas/attachments/${crypto.randomUUID()}`],
  },
  'attachment.remove': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['DELETE', `/api/v1/ideas/attachments/${crypto.randomUUID()}`],
  },
  'ideaStats.read': { who: ['admin', 'organiser', 'screener'], call: () => ['GET', '/api/v1/ideas/stats'] },
  'ideaStats.export': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/stats/export'],
  },
  'ideaComments.queue': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/comments'],
  },
  'ideaComments.moderate': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['POST', `/api/v1/ideas/comments/${crypto.randomUUID()}/moderate`, { decision: 'publish' }],
  },
  'ideaSurvey.results': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/survey/results'],
  },
  'ideaSurvey.export': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/survey/results/export'],
  },
  'review.assign': { who: ['admin'], call: () => ['POST', '/api/v1/ideas/reviews/assign', { k: 3 }] },
  'review.progress': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/reviews/progress'] },
  'review.results': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/reviews/results'] },
  'review.mine': { who: ['expert'], call: () => ['GET', '/api/v1/ideas/reviews/mine'] },
  'review.submit': {
    who: ['expert'],
    call: () => ['PUT', `/api/v1/ideas/reviews/${crypto.randomUUID()}`, { scores: { value: 5 } }],
  },
  'review.declareConflict': {
    who: ['expert'],
    call: () => ['POST', '/api/v1/ideas/reviews/conflicts', { unitId: crypto.randomUUID() }],
  },
  'list.list': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/lists'] },
  'list.candidates': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/lists/golden_idea/candidates'] },
  'list.save': { who: ['admin'], call: () => ['PUT', '/api/v1/ideas/lists/golden_idea', { entries: [] }] },
  'list.publish': { who: ['admin'], call: () => ['POST', '/api/v1/ideas/lists/golden_idea/publish'] },
  'action.adopt': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/ideas/actions',
      { title: '矩阵', ownerUnitId: crypto.randomUUID(), dueOn: '2021-01-01' },
    ],
  },
  'action.progress': {
    who: ['admin', 'department_staff'],
    call: () => [
      'POST',
      `/api/v1/ideas/actions/${crypto.randomUUID()}/progress`,
      { status: 'done', progress: 100 },
    ],
  },
  'inbox.list': { who: 'signedIn', call: () => ['GET', '/api/v1/inbox'] },
  'inbox.read': { who: 'signedIn', call: () => ['POST', `/api/v1/inbox/${crypto.randomUUID()}/read`] },
};

const demoLogin: Record<(typeof roles)[number], string> = {
  admin: 'office',
  organiser: 'organiser',
  screener: 'screener',
  expert: 'expert1',
  department_staff: 'dept',
  supervisor: 'supervisor',
  enterprise: 'enterprise',
  citizen: 'citizen',
};

let t: TestContext;
let ids: Ids;
beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.as('office');
  const root = (await t.database.db.select().from(units).where(eq(units.code, 'QJ')))[0]!.id;
  const target = await admin.post<{ user: { id: string } }>('/api/v1/users', {
    login: 'matrix.target',
    displayName: '矩阵对象',
    roles: [],
  });
  const unit = await admin.post<{ id: string }>('/api/v1/units', {
    code: 'MATRIX',
    name: '矩阵单位',
    kind: 'other',
    parentId: root,
  });
  ids = { root, target: target.body.user.id, unit: unit.body.id };
});
afterAll(() => t.close());

describe('authorisation matrix', () => {
  it('covers every route of the OpenAPI document', () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(operations.sort()).toEqual(Object.keys(matrix).sort());
  });

  const cases = Object.entries(matrix).flatMap(([op, row]) =>
    [...roles, 'anonymous' as const].map((role) => {
      const allowed =
        row.who === 'public' || (role !== 'anonymous' && (row.who === 'signedIn' || row.who.includes(role)));
      return { op, role, allowed };
    }),
  );

  it.each(cases)('$op as $role → allowed: $allowed', async ({ op, role, allowed }) => {
    const client: TestClient = role === 'anonymous' ? t.client() : await t.as(demoLogin[role]);
    const [method, path, body] = matrix[op]!.call(ids);
    const res = await client.request<{ code?: string }>(method, path, body);
    const code = res.status < 400 ? 'OK' : (res.body.code ?? String(res.status));
    if (allowed) expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(code);
    else expect(role === 'anonymous' ? ['UNAUTHENTICATED'] : ['FORBIDDEN', 'NOT_FOUND']).toContain(code);
  });
});
