// A ledger of the district's shape for the roll-up benchmark: three lists, 145 projects, 20
// milestones each, seeded (`@qianxing/core/random`) so every run times the same numbers.

import { seededRandom } from '@qianxing/core/random';
import type { RollUpInput } from '@qianxing/core/reforms';

export interface LedgerShape {
  lists: number[];
  milestonesPerProject: number;
  seed: number;
}

export function generateLedger(shape: LedgerShape): RollUpInput {
  const rand = seededRandom(shape.seed);
  const listIds = shape.lists.map((_, i) => `list-${i + 1}`);
  const projects = shape.lists.flatMap((n, l) =>
    Array.from({ length: n }, (_, k) => ({ id: `project-${l + 1}-${k + 1}`, listId: listIds[l]! })),
  );
  const milestones = projects.flatMap((p) =>
    Array.from({ length: shape.milestonesPerProject }, () => {
      const r = rand();
      // Most milestones done or not at all; about one in six reported part done.
      const done = r < 0.45 ? 1 : r < 0.62 ? Math.round(rand() * 100) / 100 : 0;
      return { projectId: p.id, weight: 1 + Math.floor(rand() * 5) / 2, done };
    }),
  );
  return { listIds, projects, milestones };
}
