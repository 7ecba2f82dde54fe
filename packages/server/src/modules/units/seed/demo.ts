import { audit, systemActor } from '../../../audit/audit.js';
import type { ServiceContext } from '../../../context.js';
import { transaction } from '../../../db/transaction.js';
import { unitByCode } from '../api.js';
import { units } from '../schema.js';
import { demoUnits } from './demo-units.js';

/** The demo district's unit tree, unless a tree is there already. */
export async function seedUnitsDemo(ctx: ServiceContext): Promise<void> {
  if (await unitByCode(ctx.db, 'QJ')) return;
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
}
