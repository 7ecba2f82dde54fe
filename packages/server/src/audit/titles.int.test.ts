import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../db/transaction.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { audit, systemActor } from './audit.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

interface Item {
  action: string;
  entityType: string;
  entityId: string;
  entityTitle: string | null;
  entityLink: string | null;
  entityGone: boolean;
  entityKind: string | null;
}
const events = async (query: string) =>
  (await office.get<{ items: Item[] }>(`/api/v1/audit/events?pageSize=100&${query}`)).body.items;
const rows = async <R>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: R[] }).rows;

describe('the audit log’s titles', () => {
  it('names a suggestion by its title, linked once it is public', async () => {
    const [town] = await rows<{ id: string }>(sql`select id from units where code = 'QJ-S03'`);
    const made = await t.client().post<{ id: string }>('/api/v1/public/suggestions', {
      title: '审计标题测试：高铁站增设夜班公交',
      body: '晚上到站的旅客打不到车，建议增设夜班公交，方便群众出行。',
      townId: town!.id,
      authorKind: 'resident',
    });
    expect(made.status).toBe(201);
    const submitted = (await events(`entityId=${made.body.id}`)).find(
      (e) => e.action === 'suggestion.submit',
    )!;
    expect(submitted).toMatchObject({ entityTitle: '审计标题测试：高铁站增设夜班公交', entityLink: null });
    const screened = await office.post(`/api/v1/ideas/suggestions/${made.body.id}/screen`, {
      decision: 'accept',
    });
    expect(screened.status).toBe(200);
    // The title and link are read when the log is, so the older event links to the page too.
    for (const e of await events(`entityId=${made.body.id}`))
      expect(e).toMatchObject({
        entityTitle: '审计标题测试：高铁站增设夜班公交',
        entityLink: `/ideas/${made.body.id}`,
      });
  });

  it('names a unit, an account, an inspector (masked), a plan with its page and a joint inspection plan', async () => {
    const [root] = await rows<{ id: string }>(sql`select id from units where code = 'QJ'`);
    const unit = await office.post<{ id: string }>('/api/v1/units', {
      code: 'AUD-T1',
      name: '审计标题测试单位',
      kind: 'other',
      parentId: root!.id,
    });
    expect(unit.status).toBe(201);
    const user = await office.post<{ user: { id: string } }>('/api/v1/users', {
      login: 'audit.title',
      displayName: '欧阳审计',
      roles: [{ role: 'screener', unitId: unit.body.id }],
    });
    expect(user.status).toBe(201);
    const [plan] = await rows<{ id: string; name: string; year: number }>(
      sql`select p.id, u.name, p.year from target_plans p join units u on u.id = p.unit_id limit 1`,
    );
    const [inspector] = await rows<{ id: string; name: string }>(
      sql`select i.id, u.display_name as name from inspection_inspectors i join users u on u.id = i.user_id limit 1`,
    );
    const [visits] = await rows<{ id: string; start: string; end: string }>(
      sql`select id, period_start::text as start, period_end::text as end from inspection_plans limit 1`,
    );
    await transaction(t.database.db, async (tx) => {
      await audit(tx, systemActor('test'), { action: 'plan.update', entityType: 'plan', entityId: plan!.id });
      await audit(tx, systemActor('test'), {
        action: 'plan.publish',
        entityType: 'inspectionPlan',
        entityId: visits!.id,
      });
      await audit(tx, systemActor('test'), {
        action: 'inspector.update',
        entityType: 'inspector',
        entityId: inspector!.id,
      });
    });
    const page = await events('');
    const of = (id: string) => page.find((e) => e.entityId === id);
    expect(of(unit.body.id)).toMatchObject({ entityType: 'unit', entityTitle: '审计标题测试单位' });
    expect(of(user.body.user.id)).toMatchObject({ entityType: 'user', entityTitle: '欧***' });
    expect(of(plan!.id)).toMatchObject({
      entityTitle: `${plan!.name} ${plan!.year}`,
      entityLink: `/admin/targets/plans/${plan!.id}`,
    });
    expect(of(inspector!.id)).toMatchObject({
      entityTitle: `${[...inspector!.name][0]}${'*'.repeat([...inspector!.name].length - 1)}`,
      entityLink: null,
    });
    // A joint inspection plan is named by its period, as its page tells plans apart.
    expect(of(visits!.id)).toMatchObject({ entityTitle: `${visits!.start} – ${visits!.end}` });
    // A session is its account's, the name masked; it has no page.
    const login = (await events('action=session.login'))[0]!;
    const [who] = await rows<{ name: string }>(
      sql`select u.display_name as name from sessions s join users u on u.id = s.user_id where s.id = ${login.entityId}`,
    );
    expect(login).toMatchObject({
      entityType: 'session',
      entityTitle: `${[...who!.name][0]}${'*'.repeat([...who!.name].length - 1)}`,
      entityLink: null,
    });
  });

  it('names comments, reviews, lists, visits, findings and their photos, projects, surveys and benchmarks', async () => {
    const one = async <R>(query: ReturnType<typeof sql>) => {
      const [row] = await rows<R>(query);
      expect(row).toBeDefined();
      return row!;
    };
    const comment = await one<{ id: string }>(sql`select id from idea_comments limit 1`);
    const review = await one<{ id: string; title: string; expert: string }>(
      sql`select r.id, s.title, u.display_name as expert from idea_reviews r
          join idea_suggestions s on s.id = r.suggestion_id join users u on u.id = r.expert_id limit 1`,
    );
    const list = await one<{ id: string; kind: string; theme: string }>(
      sql`select l.id, l.kind, c.theme from idea_lists l join idea_campaigns c on c.id = l.campaign_id limit 1`,
    );
    const finding = await one<{ id: string; visit: string; date: string; item: string; firm: string }>(
      sql`select f.id, v.id as visit, v.date::text as date, i.name as item, b.name as firm
          from inspection_findings f join inspection_visits v on v.id = f.visit_id
          join inspection_items i on i.id = f.item_id join business_firms b on b.id = v.firm_id limit 1`,
    );
    const project = await one<{ id: string; name: string }>(
      sql`select id, name from business_projects limit 1`,
    );
    const survey = await one<{ id: string; title: string }>(
      sql`select id, title from business_surveys limit 1`,
    );
    const chain = await one<{ code: string; name: string }>(
      sql`select code, name from business_industrial_chains limit 1`,
    );
    const month = await one<{ month: string }>(sql`select month from business_market_entities limit 1`);
    const benchmark = await one<{ key: string; title: string }>(
      sql`select b.region_id || '/' || b.indicator_id || '/' || b.period as key,
            r.name || ' ' || i.name || ' ' || b.period as title
          from target_benchmarks b join target_regions r on r.id = b.region_id
          join target_indicators i on i.id = b.indicator_id limit 1`,
    );
    const photo = crypto.randomUUID();
    await t.database.db.execute(
      sql`insert into attachments (id, owner_kind, owner_id, area, storage_key, file_name, media_type, size, sha256)
          values (${photo}, 'inspectionRectification', ${finding.id}, 'inspections', 'x', 'IMG_0001.jpg', 'image/jpeg', 1, 'x')`,
    );
    const gone = crypto.randomUUID();
    const named: Array<[string, string]> = [
      ['comment', comment.id],
      ['review', review.id],
      ['list', list.id],
      ['inspectionVisit', finding.visit],
      ['inspectionFinding', finding.id],
      ['inspectionRectificationPhoto', photo],
      ['businessProject', project.id],
      ['businessSurvey', survey.id],
      ['industrialChain', chain.code],
      ['marketEntities', month.month],
      ['benchmark', benchmark.key],
      ['benchmark', 'import'],
      ['reformReminder', '2026-05-04'],
      ['settings', 'targets'],
      ['businessRequest', gone],
    ];
    await transaction(t.database.db, async (tx) => {
      for (const [entityType, entityId] of named)
        await audit(tx, systemActor('test'), { action: 'titles.test', entityType, entityId });
    });
    const page = await events('action=titles.test');
    const of = (type: string, id: string) => page.find((e) => e.entityType === type && e.entityId === id)!;
    const masked = (name: string) => `${[...name][0]}${'*'.repeat([...name].length - 1)}`;
    expect(of('comment', comment.id)).toMatchObject({
      entityLink: '/admin/ideas/comments',
      entityGone: false,
    });
    expect(of('comment', comment.id).entityTitle).toMatch(/\S/);
    expect(of('review', review.id).entityTitle).toBe(`${review.title} · ${masked(review.expert)}`);
    expect(of('list', list.id)).toMatchObject({
      entityTitle: list.theme,
      entityKind: list.kind,
      entityLink: '/admin/ideas/selection',
    });
    const visitPage = `/inspections/visits/${finding.visit}`;
    expect(of('inspectionVisit', finding.visit)).toMatchObject({
      entityTitle: `${finding.firm} ${finding.date}`,
      entityLink: visitPage,
    });
    for (const e of [of('inspectionFinding', finding.id), of('inspectionRectificationPhoto', photo)])
      expect(e).toMatchObject({ entityTitle: `${finding.item} · ${finding.firm}`, entityLink: visitPage });
    expect(of('businessProject', project.id)).toMatchObject({
      entityTitle: project.name,
      entityLink: '/admin/business/projects',
    });
    expect(of('businessSurvey', survey.id).entityTitle).toBe(survey.title);
    expect(of('industrialChain', chain.code).entityTitle).toBe(chain.name);
    expect(of('marketEntities', month.month).entityTitle).toBe(month.month);
    expect(of('benchmark', benchmark.key).entityTitle).toBe(benchmark.title);
    expect(of('reformReminder', '2026-05-04').entityTitle).toBe('2026-05-04');
    // An import and a module's settings name no record: no title, and nothing gone.
    for (const e of [of('benchmark', 'import'), of('settings', 'targets')])
      expect(e).toMatchObject({ entityTitle: null, entityLink: null, entityGone: false });
    // A record deleted since (or never there) has no title, and is said to be gone.
    expect(of('businessRequest', gone)).toMatchObject({ entityTitle: null, entityGone: true });
  });
});
