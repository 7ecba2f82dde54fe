import { eq, sql } from 'drizzle-orm';
import { audit, systemActor } from '../audit/audit.js';
import type { ServiceContext } from '../context.js';
import { transaction } from '../db/transaction.js';
import { seedIdeasDemo } from '../modules/ideas/seed.js';
import { seedTargetsDemo } from '../modules/targets/seed.js';
import { units } from '../modules/units/schema.js';
import type { Role } from '../modules/users/schema.js';
import { users } from '../modules/users/schema.js';
import { insertUser } from '../modules/users/service.js';
import { demoUnits } from './demo-units.js';

export interface DemoAccount {
  login: string;
  password: string;
  role: Role;
  unit: string;
}

async function seedUnits(ctx: ServiceContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const paths = new Map<string, string>();
  await transaction(ctx.db, async (tx) => {
    for (const [i, u] of demoUnits.entries()) {
      const id = crypto.randomUUID();
      const path = `${u.parent ? paths.get(u.parent) : '/'}${id}/`;
      await tx.insert(units).values({
        id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentId: u.parent ? ids.get(u.parent)! : null,
        path,
        sort: i,
        isDemo: true,
      });
      ids.set(u.code, id);
      paths.set(u.code, path);
    }
    await audit(tx, systemActor('seed'), {
      action: 'unit.seedDemo',
      entityType: 'unit',
      entityId: ids.get('QJ')!,
      after: { units: demoUnits.length },
    });
  });
  return ids;
}

const demoPeople: Array<{ login: string; name: string; role: Role; unit: string }> = [
  { login: 'office', name: '活动办 管理员', role: 'admin', unit: 'QJ' },
  { login: 'organiser', name: '城西街道 组织员', role: 'organiser', unit: 'QJ-S03' },
  { login: 'screener', name: '初筛员 王敏', role: 'screener', unit: 'QJ' },
  { login: 'expert1', name: '专家 李教授', role: 'expert', unit: 'QJ' },
  { login: 'expert2', name: '专家 陈研究员', role: 'expert', unit: 'QJ' },
  { login: 'expert3', name: '专家 刘高工', role: 'expert', unit: 'QJ' },
  { login: 'dept', name: '发展改革委 经办人', role: 'department_staff', unit: 'QJ-D01' },
  { login: 'supervisor', name: '纪委监委 监督员', role: 'supervisor', unit: 'QJ' },
  { login: 'enterprise', name: '黔江某制造企业', role: 'enterprise', unit: 'QJ' },
  { login: 'citizen', name: '市民 张先生', role: 'citizen', unit: 'QJ' },
];

/**
 * Seeds the demo district once: units and one account per role, each with a random password
 * returned to the caller to print once. Does nothing when any user exists.
 */
export async function seedDemo(ctx: ServiceContext): Promise<DemoAccount[] | null> {
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((count?.n ?? 0) > 0) return null;
  const [root] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, 'QJ'));
  const ids = root
    ? new Map((await ctx.db.select().from(units)).map((u) => [u.code, u.id]))
    : await seedUnits(ctx);
  const accounts: DemoAccount[] = [];
  const seedCtx = { ...ctx, principal: null, requestId: 'seed', systemLabel: 'seed' };
  for (const person of demoPeople) {
    const { initialPassword } = await insertUser(
      seedCtx,
      {
        login: person.login,
        displayName: person.name,
        roles: [{ role: person.role, unitId: ids.get(person.unit)! }],
      },
      { isDemo: true, mustChangePassword: false },
    );
    accounts.push({ login: person.login, password: initialPassword!, role: person.role, unit: person.unit });
  }
  await seedTargetsDemo(seedCtx);
  await seedIdeasDemo(seedCtx);
  return accounts;
}
