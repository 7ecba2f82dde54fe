import { describe, expect, it } from 'vitest';
import { trainClassifier } from './classifier.js';
import {
  MESSAGE_CLASSIFIER,
  MESSAGE_CLASSIFIER_OPTIONS,
  messageClassifierSettings,
} from './message-classifier.js';
import { builtInDescriptions } from './taxonomy/index.js';

describe('the settings of text classify', () => {
  it('are the options the selection wrote, and they train a model that reads government messages', () => {
    expect(MESSAGE_CLASSIFIER_OPTIONS).toBe(MESSAGE_CLASSIFIER.options);
    const labels = ['交通运输', '教育文体', '卫生计生'];
    const model = trainClassifier(
      [
        { text: '公交线路太少，希望增开班次', label: '交通运输' },
        { text: '学校周边培训机构乱收费', label: '教育文体' },
        { text: '医院挂号难，看病排队太久', label: '卫生计生' },
      ],
      {
        ...MESSAGE_CLASSIFIER_OPTIONS,
        descriptions: MESSAGE_CLASSIFIER.builtInDescriptions ? builtInDescriptions(labels) : [],
      },
    );
    expect(model.predict('希望增加到火车站的公交车').label).toBe('交通运输');
    expect(model.predict('孩子上学的学校收费太高').label).toBe('教育文体');
  });

  it('refuses a settings file that the classifier cannot take', () => {
    const good = { options: { C: 0.5 }, builtInDescriptions: true, chosenBy: 'x', cvMacroF1: 0.8 };
    expect(messageClassifierSettings.safeParse(good).success).toBe(true);
    for (const options of [{ model: 'forest' }, { C: -1 }, { features: { charNgrams: [0] } }, { epochz: 3 }])
      expect(messageClassifierSettings.safeParse({ ...good, options }).success).toBe(false);
  });
});
