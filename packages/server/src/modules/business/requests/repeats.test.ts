import { describe, expect, it } from 'vitest';
import { repeatOf } from './repeats.js';

describe('repeatOf', () => {
  const earlier = [
    { id: 'a', text: '厂区门口道路破损影响货车通行。厂区门口约200米道路破损严重，雨天积水，货车进出困难。' },
    { id: 'b', text: '希望办理技能人才培训补贴。企业新招员工30人，希望了解并申请职业技能培训补贴。' },
  ];

  it('finds the earlier request a new one raises again in other words', () => {
    expect(
      repeatOf(
        '厂门口道路还是破损，货车进出困难。门口约200米的道路破损严重，下雨就积水，货车进出困难。',
        earlier,
      )?.id,
    ).toBe('a');
  });

  it('finds none for a request on another matter', () => {
    expect(
      repeatOf('用电负荷不足需要增容。新上生产线后用电负荷不足，希望协调供电部门增容。', earlier),
    ).toBeNull();
    expect(repeatOf('任何内容', [])).toBeNull();
  });
});
