import { Button, Checkbox, Flex, Form, type FormRule, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeRules } from './CampaignLists';
import { type CampaignInput, surveyKinds, surveyLimits } from './campaignValues';

type Question = CampaignInput['survey'][number];
const cell = { marginBottom: 0 };
const blankQuestion: Question = { code: '', text: '', kind: 'single', options: [], required: false };

/** The options of a choice question: two or more, each short enough; a text question has none. */
function useOptionRules(name: number): FormRule[] {
  const { t } = useTranslation();
  return [
    ({ getFieldValue }) => ({
      async validator(_, value?: string[]) {
        if (getFieldValue(['survey', name, 'kind']) === 'text') return;
        const options = (value ?? []).map((o) => o.trim()).filter(Boolean);
        if (options.length < 2) throw new Error(t('ideas.campaigns.optionsForChoice'));
        if (options.some((o) => o.length > surveyLimits.optionLength))
          throw new Error(t('ideas.campaigns.optionTooLong', { max: surveyLimits.optionLength }));
      },
    }),
  ];
}

/** One question: code, kind, whether it must be answered, its text and (for a choice) its options. */
function QuestionRow({
  name,
  codeRules,
  onRemove,
}: {
  name: number;
  codeRules: FormRule[];
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CampaignInput>();
  const kind = Form.useWatch(['survey', name, 'kind'], form);
  const optionRules = useOptionRules(name);
  return (
    <Flex
      vertical
      gap={8}
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}
      data-testid="survey-question"
    >
      <Flex gap={8} wrap align="start">
        <Form.Item name={[name, 'code']} rules={codeRules} style={{ ...cell, flex: '1 1 110px' }}>
          <Input
            placeholder={t('ideas.campaigns.code')}
            aria-label={t('ideas.campaigns.questionCode')}
            maxLength={40}
          />
        </Form.Item>
        <Form.Item name={[name, 'kind']} style={{ ...cell, flex: '0 1 120px' }}>
          <Select
            aria-label={t('ideas.campaigns.questionKind')}
            options={surveyKinds.map((k) => ({ value: k, label: t(`ideas.surveyKind.${k}`) }))}
            // The options rule depends on the kind: a change re-checks it, clearing a stale error.
            onChange={() => void form.validateFields([['survey', name, 'options']]).catch(() => {})}
          />
        </Form.Item>
        <Form.Item name={[name, 'required']} valuePropName="checked" style={cell}>
          <Checkbox>{t('ideas.campaigns.questionRequired')}</Checkbox>
        </Form.Item>
        <Button onClick={onRemove}>{t('ideas.campaigns.remove')}</Button>
      </Flex>
      <Form.Item
        name={[name, 'text']}
        rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
        style={cell}
      >
        <Input
          placeholder={t('ideas.campaigns.questionText')}
          aria-label={t('ideas.campaigns.questionText')}
          maxLength={200}
        />
      </Form.Item>
      <Form.Item name={[name, 'options']} rules={optionRules} style={cell}>
        <Select
          mode="tags"
          tokenSeparators={['\n']}
          maxCount={surveyLimits.options}
          disabled={kind === 'text'}
          placeholder={t(kind === 'text' ? 'ideas.campaigns.noOptions' : 'ideas.campaigns.optionsHint')}
          aria-label={t('ideas.campaigns.questionOptions')}
        />
      </Form.Item>
    </Flex>
  );
}

/** The campaign's survey, answered on the public survey page; it may be left empty. */
export function SurveyField() {
  const { t } = useTranslation();
  const codeRules = useCodeRules('survey');
  return (
    <Form.Item label={t('ideas.campaigns.survey')} extra={t('ideas.campaigns.surveyHint')}>
      <Form.List name="survey">
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid="campaign-survey">
            {fields.map(({ key, name }) => (
              <QuestionRow key={key} name={name} codeRules={codeRules} onRemove={() => remove(name)} />
            ))}
            <Button
              type="dashed"
              disabled={fields.length >= surveyLimits.questions}
              onClick={() => add(structuredClone(blankQuestion))}
              data-testid="survey-add-question"
            >
              {t('ideas.campaigns.addQuestion')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
