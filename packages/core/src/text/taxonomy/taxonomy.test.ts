import { describe, expect, it } from 'vitest';
import { trainClassifier } from '../classifier.js';
import { builtInDescriptions } from './index.js';

describe('built-in label descriptions', () => {
  it('describes only the labels of the taxonomy that the training set uses', () => {
    const d = builtInDescriptions(['交通运输', '交通运输', '平安建设之外的标签']);
    expect(d.length).toBeGreaterThan(5);
    expect(new Set(d.map((x) => x.label))).toEqual(new Set(['交通运输']));
  });

  it('lifts a label that has almost no examples (a cold start)', () => {
    const examples = [
      { label: '卫生计生', text: '社区医院看病排队太久，医生太少' },
      { label: '交通运输', text: '公交线路太少，等车要一个小时' },
    ];
    const withDescriptions = trainClassifier(examples, {
      descriptions: builtInDescriptions(['卫生计生', '交通运输']),
    });
    expect(withDescriptions.predict('出租车拒载和绕路问题严重').label).toBe('交通运输');
  });
});
