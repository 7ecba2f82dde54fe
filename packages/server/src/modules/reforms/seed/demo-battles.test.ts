import { planBands } from '@qianxing/core/reforms';
import { describe, expect, it } from 'vitest';
import { demoBattles, demoPlanStart } from './demo-battles.js';

describe('the demo’s key battles', () => {
  const bands = planBands(demoPlanStart);
  it.each(demoBattles.map((b) => [b.name, b] as const))(
    '%s is won within its step: its phases run from the plan’s start to the step’s end',
    (_, battle) => {
      const band = bands.find((b) => b.step === battle.step)!;
      for (const phase of battle.phases) {
        const [, start, end] = phase.split('|');
        expect(start! >= demoPlanStart, phase).toBe(true);
        expect(end! <= band.end, `${phase} ends after ${battle.step} (${band.end})`).toBe(true);
      }
    },
  );
});
