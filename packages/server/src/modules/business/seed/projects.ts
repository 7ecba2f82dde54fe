import { seededRandom } from '@qianxing/core/random';
import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import type { DemoSeed } from '../../../kernel/module.js';
import { unitBriefs } from '../../units/api.js';
import { insertUser, userIdByLogin } from '../../users/api.js';
import { listChains } from '../queries/industrial-chains.js';
import {
  businessMarketEntities,
  businessProjectFunds,
  businessProjectStages,
  businessProjects,
} from '../schema.js';
import { demoProjects } from './demo-projects.js';

/** Two service commissioners (服务专员) besides the demo department's clerk. */
const demoCommissioners = [
  { login: 'invest1', name: '区商务委 招商服务专员 王磊', unit: '区商务委' },
  { login: 'invest2', name: '区经济信息委 服务专员 刘婷', unit: '区经济信息委' },
];

/** Which department leads each chain's projects in the demo. */
const leadUnitNames: Record<string, string> = {
  materials: '区经济信息委',
  biomedicine: '区经济信息委',
  food: '区农业农村委',
  manufacturing: '区经济信息委',
  tourism: '区文化旅游委',
  logistics: '区商务委',
  electronics: '区经济信息委',
};

/**
 * The demo's investment projects over 2024–2026, their stages and funds, and the monthly new
 * market entities (see demo-projects.ts for the figures they reproduce). Marked is_demo.
 */
export async function seedProjectsDemo(
  ctx: ServiceContext,
  seed: DemoSeed,
  firms: ReadonlyArray<{ id: string; name: string }>,
): Promise<void> {
  const units = await unitBriefs(ctx.db);
  const unitId = (name: string) => units.find((u) => u.name === name)?.id;
  const chains = (await listChains(ctx.db)).map((c) => c.code);
  const leadUnits = Object.fromEntries(
    chains.map((c) => [c, unitId(leadUnitNames[c] ?? '') ?? units[0]!.id] as const),
  );
  const commissioners: string[] = [];
  const dept = await userIdByLogin(ctx.db, 'dept');
  if (dept) commissioners.push(dept);
  for (const c of demoCommissioners) {
    const unit = units.find((u) => u.name === c.unit) ?? units[0]!;
    const { user, initialPassword } = await insertUser(
      ctx,
      { login: c.login, displayName: c.name, roles: [{ role: 'department_staff', unitId: unit.id }] },
      { isDemo: true, mustChangePassword: false },
    );
    commissioners.push(user.id);
    seed.accounts.push({
      login: c.login,
      password: initialPassword!,
      role: 'department_staff',
      unit: unit.code,
    });
  }
  const demo = demoProjects(seededRandom(20260315), { chains, commissioners, leadUnits, firms });
  await transaction(ctx.db, async (tx) => {
    await tx.insert(businessProjects).values(demo.projects.map((p) => ({ ...p, isDemo: true })));
    await tx.insert(businessProjectStages).values(demo.stages);
    await tx.insert(businessProjectFunds).values(demo.funds);
    await tx.insert(businessMarketEntities).values(demo.entities);
    await audit(tx, systemActor('seed'), {
      action: 'project.seedDemo',
      entityType: 'businessProject',
      entityId: 'demo',
      after: { projects: demo.projects.length, stages: demo.stages.length, funds: demo.funds.length },
    });
  });
}
