import { describe, expect, it } from 'vitest';
import { CampaignTextEngines } from './text/engines.js';

const rows = [
  { id: 'a', title: '高铁站公交接驳', body: '建议开通黔江高铁站到城区的公交接驳专线，方便群众出行。' },
  { id: 'b', title: '阿蓬江步道', body: '建议沿阿蓬江修建滨江步道和夜间照明，方便市民散步健身。' },
  { id: 'c', title: '农贸市场改造', body: '城西农贸市场地面湿滑、排水不畅，建议尽快改造升级。' },
];
const training = {
  examples: [
    { label: 'transport', text: '公交线路太少，建议增加公交班次' },
    { label: 'transport', text: '高铁站停车难，建议扩建停车场' },
    { label: 'environment', text: '河道有垃圾，建议加强清理' },
    { label: 'environment', text: '建议在江边多种树，美化环境' },
  ],
  descriptions: [
    { label: 'transport', text: '交通 公交 高铁 道路 停车' },
    { label: 'environment', text: '环境 河道 绿化 垃圾 污染' },
  ],
};

describe('CampaignTextEngines', () => {
  it('finds a reworded suggestion among the indexed ones and classifies it', () => {
    const e = new CampaignTextEngines();
    e.build('k', rows, training);
    const r = e.analyse('k', '建议开通高铁站到城区的公交接驳专线\n方便群众出行', []);
    expect(r.similar[0]?.id).toBe('a');
    expect(r.similar[0]?.title).toBe('高铁站公交接驳');
    expect(r.prediction.label).toBe('transport');
    expect(e.classify('k', ['河道垃圾很多，建议清理'])[0]?.label).toBe('environment');
  });

  it('adds, skips ids it holds, removes, and leaves out excluded ids', () => {
    const e = new CampaignTextEngines();
    e.build('k', rows.slice(1), training);
    const text = '建议开通黔江高铁站到城区的公交接驳专线';
    expect(e.analyse('k', text, []).similar.map((s) => s.id)).not.toContain('a');
    e.add('k', [rows[0]!]);
    e.add('k', [{ ...rows[0]!, title: '换了标题' }]);
    const found = e.analyse('k', text, []).similar.find((s) => s.id === 'a');
    expect(found?.title).toBe('高铁站公交接驳');
    expect(e.analyse('k', text, ['a']).similar.map((s) => s.id)).not.toContain('a');
    e.remove('k', ['a']);
    expect(e.analyse('k', text, []).similar.map((s) => s.id)).not.toContain('a');
  });

  it('retrains on new labels, forgets, and names a campaign it does not hold', () => {
    const e = new CampaignTextEngines();
    e.build('k', rows, training);
    e.retrain('k', {
      examples: training.examples.map((x) => ({
        ...x,
        label: x.label === 'transport' ? 'environment' : 'transport',
      })),
      descriptions: [],
    });
    expect(e.classify('k', ['公交线路太少，建议增加公交班次'])[0]?.label).toBe('environment');
    expect(e.has('k')).toBe(true);
    e.forget('k');
    expect(e.has('k')).toBe(false);
    expect(() => e.analyse('k', '公交', [])).toThrow('not built');
  });
});
