import { seededRandom } from '@qianxing/core/random';
import { audit, systemActor } from '../../audit/audit.js';
import type { ServiceContext } from '../../context.js';
import { transaction } from '../../db/transaction.js';
import type { DemoSeed } from '../../kernel/module.js';
import { unitBriefs } from '../units/api.js';
import { insertUser } from '../users/api.js';
import { demoFirms } from './demo-firms.js';
import { townKinds } from './lookup.js';
import { listIndustries } from './queries/industries.js';
import { businessFirmMembers, businessFirms } from './schema.js';
import { seedLiaisonDemo } from './seed/liaison.js';
import { seedProjectsDemo } from './seed/projects.js';
import { seedRequestsDemo } from './seed/requests.js';
import { seedSurveysDemo } from './seed/surveys.js';

/** How many firms the demo district has: a few hundred over its streets, towns and townships. */
const demoFirmCount = 360;

/** The demo firms' staff accounts: one in a street of the demo organiser, one in a town. */
const demoStaff = [
  { login: 'firm1', town: 'QJ-S03', title: '办公室 张明' },
  { login: 'firm2', town: 'QJ-T09', title: '财务 李芳' },
];

/**
 * The demo district's firm registry (the industry list filled first: the firms name its
 * sections), and two firms' staff accounts (random passwords printed at
 * first start with the other demo accounts). Marked is_demo.
 */
export async function seedBusinessDemo(ctx: ServiceContext, seed: DemoSeed): Promise<void> {
  const towns = (await unitBriefs(ctx.db)).filter((u) => townKinds.includes(u.kind));
  if (towns.length === 0) return;
  await listIndustries(ctx.db);
  const firms = demoFirms(
    seededRandom(47542017),
    demoFirmCount,
    towns.map((t) => t.name),
  ).map(({ town, ...f }) => ({ ...f, id: crypto.randomUUID(), townId: towns[town]!.id, isDemo: true }));
  await transaction(ctx.db, async (tx) => {
    for (let at = 0; at < firms.length; at += 200)
      await tx.insert(businessFirms).values(firms.slice(at, at + 200));
    await audit(tx, systemActor('seed'), {
      action: 'firm.seedDemo',
      entityType: 'firm',
      entityId: 'demo',
      after: { firms: firms.length },
    });
  });
  for (const [i, staff] of demoStaff.entries()) {
    const town = towns.find((t) => t.code === staff.town) ?? towns[0]!;
    const inTown = firms.filter((f) => f.townId === town.id);
    const firm = inTown.find((f) => f.name.endsWith('有限公司')) ?? inTown[0] ?? firms[i]!;
    const { initialPassword } = await insertUser(
      ctx,
      {
        login: staff.login,
        displayName: `${firm.name} ${staff.title}`.slice(0, 64),
        roles: [{ role: 'enterprise', unitId: firm.townId }],
      },
      {
        isDemo: true,
        mustChangePassword: false,
        within: async (tx, userId) => {
          await tx.insert(businessFirmMembers).values({ userId, firmId: firm.id });
        },
      },
    );
    seed.accounts.push({
      login: staff.login,
      password: initialPassword!,
      role: 'enterprise',
      unit: town.code,
    });
  }
  await seedLiaisonDemo(ctx, firms);
  const townName = new Map(towns.map((t) => [t.id, t.name]));
  await seedRequestsDemo(
    ctx,
    firms.map((f) => ({ id: f.id, town: townName.get(f.townId) ?? '' })),
  );
  await seedSurveysDemo(
    ctx,
    firms.map((f) => f.id),
  );
  // A few registry firms invest too: some projects are linked to them.
  const investing = firms.filter((f) => f.name.endsWith('有限公司')).slice(0, 12);
  await seedProjectsDemo(ctx, seed, investing);
}
