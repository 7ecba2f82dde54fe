import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClassifierModel, trainClassifier } from './classifier.js';

const examples = [
  { text: '高铁站到城区的公交班次太少，等车要一个小时', label: '交通' },
  { text: '建议增加公交线路，方便舟白街道居民出行', label: '交通' },
  { text: '正阳路口红绿灯时间太短，行人过不去马路', label: '交通' },
  { text: '停车位不够，车辆乱停乱放堵塞道路', label: '交通' },
  { text: '学校周边交通拥堵，上下学接送车辆太多', label: '交通' },
  { text: '孩子入学难，学位不够，希望新建小学', label: '教育' },
  { text: '乡村学校老师太少，教学质量差', label: '教育' },
  { text: '幼儿园收费太高，希望多办普惠性幼儿园', label: '教育' },
  { text: '课外培训机构乱收费，家长负担重', label: '教育' },
  { text: '建议提高乡村教师待遇，留住好老师', label: '教育' },
  { text: '阿蓬江有人偷排污水，河水发臭', label: '环境' },
  { text: '工地噪音太大，晚上影响居民休息', label: '环境' },
  { text: '垃圾没人清运，小区周边臭气熏天', label: '环境' },
  { text: '工厂烟囱冒黑烟，空气污染严重', label: '环境' },
  { text: '濯水河边堆满生活垃圾，污染水源', label: '环境' },
];

describe('trainClassifier', () => {
  const model = trainClassifier(examples);

  it('labels new texts by their topic', () => {
    expect(model.predict('公交车太少了，等车等很久').label).toBe('交通');
    expect(model.predict('希望新建一所小学解决入学难').label).toBe('教育');
    expect(model.predict('河里有人排放污水，水很臭').label).toBe('环境');
  });

  it('gives a confidence in [0, 1] and probabilities that sum to 1', () => {
    const p = model.predict('马路上车太多，交通拥堵');
    expect(p.confidence).toBeGreaterThan(1 / 3);
    expect(p.confidence).toBeLessThanOrEqual(1);
    expect(p.scores.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 9);
    expect(p.scores[0]).toEqual({ label: p.label, probability: p.confidence });
  });

  it('weighs a label with few examples up with balanced class weights, and changes nothing when the labels are even', () => {
    expect(trainClassifier(examples, { classWeight: 'balanced' }).toJSON()).toEqual(model.toJSON());
    const uneven = [...examples, { text: '医院看病排队太久，挂号难', label: '医疗' }];
    const text = '去医院看病挂号要排很久的队';
    const share = (m: ClassifierModel) => m.predict(text).scores.find((s) => s.label === '医疗')!.probability;
    const plain = trainClassifier(uneven, { temperature: 1 });
    const balanced = trainClassifier(uneven, { temperature: 1, classWeight: 'balanced' });
    expect(share(balanced)).toBeGreaterThan(share(plain));
    expect(balanced.predict(text).label).toBe('医疗');
  });

  it('round-trips through JSON', () => {
    const copy = ClassifierModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(copy.predict('幼儿园太贵')).toEqual(model.predict('幼儿园太贵'));
  });

  it('is deterministic for a fixed training set', () => {
    const again = trainClassifier(examples);
    expect(again.toJSON()).toEqual(model.toJSON());
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        expect(again.predict(s)).toEqual(model.predict(s));
      }),
      { numRuns: 50 },
    );
  });

  it('uses label descriptions for a cold start', () => {
    const seeded = trainClassifier([], {
      descriptions: [
        { label: '交通', text: '公交 道路 停车 红绿灯 出行 拥堵' },
        { label: '教育', text: '学校 老师 学位 幼儿园 入学 教学' },
      ],
    });
    expect(seeded.predict('幼儿园学位不够').label).toBe('教育');
  });

  it('labels new texts with complement naive Bayes and with a mix of both models', () => {
    for (const kind of ['complement-nb', 'svm+complement-nb'] as const) {
      const m = trainClassifier(examples, { model: kind });
      expect(m.predict('公交车太少了，等车等很久').label).toBe('交通');
      expect(m.predict('希望新建一所小学解决入学难').label).toBe('教育');
      expect(m.predict('河里有人排放污水，水很臭').label).toBe('环境');
      const p = m.predict('马路上车太多');
      expect(p.scores.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 9);
      expect(ClassifierModel.fromJSON(JSON.parse(JSON.stringify(m.toJSON()))).predict('幼儿园太贵')).toEqual(
        m.predict('幼儿园太贵'),
      );
    }
  });

  it('mixes the two models by coefficients fitted on cross-validated scores, deterministically', () => {
    // Thirty examples or more: the coefficients come from 3-fold scores, not the fallback of one each.
    const more = [...examples, ...examples.map((e) => ({ ...e, text: `${e.text}，请尽快解决` }))];
    const mixed = trainClassifier(more, { model: 'svm+complement-nb' });
    const svm = trainClassifier(more, { temperature: 1 });
    const cnb = trainClassifier(more, { model: 'complement-nb', temperature: 1 });
    expect(mixed.toJSON()).toEqual(trainClassifier(more, { model: 'svm+complement-nb' }).toJSON());
    expect(mixed.toJSON().temperature).toBe(1);
    // Every label's weights are one non-negative combination of the two models' weights: solve
    // for it on two terms, then check it on a third term and on another label.
    const w = (m: ClassifierModel, label: number, term: string) =>
      m.toJSON().weights[label]![m.toJSON().terms.indexOf(term)]!;
    const [a, b] = ['公交', '学校'].map((t) => [w(svm, 0, t), w(cnb, 0, t), w(mixed, 0, t)] as const);
    const det = a![0] * b![1] - a![1] * b![0];
    const s = (a![2] * b![1] - a![1] * b![2]) / det;
    const c = (a![0] * b![2] - a![2] * b![0]) / det;
    expect(s).toBeGreaterThanOrEqual(-1e-3);
    expect(c).toBeGreaterThanOrEqual(-1e-3);
    expect(s + c).toBeGreaterThan(0.1);
    for (const [label, term] of [
      [0, '污水'],
      [2, '老师'],
    ] as const)
      expect(w(mixed, label, term)).toBeCloseTo(s * w(svm, label, term) + c * w(cnb, label, term), 3);
    expect(mixed.predict('公交车太少了，等车等很久').label).toBe('交通');
  });

  it('refuses an empty training set', () => {
    expect(() => trainClassifier([])).toThrow('no training examples');
  });
});
