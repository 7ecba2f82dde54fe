import { describe, expect, it } from 'vitest';
import { stillWhenAsked } from './chart-motion';

describe('stillWhenAsked', () => {
  const option = { xAxis: { type: 'category' }, series: [{ type: 'bar', data: [1, 2] }] };

  it('turns the animation off when reduced motion is asked for', () => {
    expect(stillWhenAsked(option, true)).toEqual({ ...option, animation: false });
    expect(stillWhenAsked({ ...option, animation: true }, true).animation).toBe(false);
  });

  it('leaves the option as it is otherwise', () => {
    expect(stillWhenAsked(option, false)).toBe(option);
  });
});
