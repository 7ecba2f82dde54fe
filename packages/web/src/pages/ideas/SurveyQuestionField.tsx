import { Checkbox, Flex, Form, type FormRule, type GetProps, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestion } from './shared';

/** One question of the survey: radios for one choice, checkboxes for several, a text box otherwise. */
export function SurveyQuestionField({ question: q }: { question: SurveyQuestion }) {
  const { t } = useTranslation();
  const message = t('ideas.survey.requiredAnswer');
  const rules: FormRule[] = [];
  if (q.required)
    rules.push(
      q.kind === 'multiple'
        ? { required: true, type: 'array', min: 1, message }
        : { required: true, whitespace: q.kind === 'text', message },
    );
  if (q.kind === 'text') rules.push({ max: 500 });
  const testId = `survey-q-${q.code}`;
  // The groups are named by the question's text; a label's `for` cannot name a group.
  const labelId = `${testId}-label`;
  return (
    <Form.Item
      name={['answers', q.code]}
      label={
        <span id={labelId} style={{ whiteSpace: 'normal' }}>
          {q.text}
        </span>
      }
      rules={rules}
      required={q.required}
    >
      {q.kind === 'single' ? (
        <Radio.Group data-testid={testId} aria-labelledby={labelId}>
          <Flex vertical gap={8}>
            {q.options.map((option) => (
              <Radio key={option} value={option}>
                {option}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      ) : q.kind === 'multiple' ? (
        <CheckboxGroup data-testid={testId} aria-labelledby={labelId}>
          <Flex vertical gap={8}>
            {q.options.map((option) => (
              <Checkbox key={option} value={option}>
                {option}
              </Checkbox>
            ))}
          </Flex>
        </CheckboxGroup>
      ) : (
        <Input.TextArea rows={3} maxLength={500} showCount data-testid={testId} />
      )}
    </Form.Item>
  );
}

/**
 * A checkbox group as a form field. Form.Item marks a required field's control `aria-required`,
 * which ARIA allows on a radio group but not on a plain group of checkboxes; it is left off here.
 */
function CheckboxGroup({
  'aria-required': _required,
  ...props
}: GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown }) {
  return <Checkbox.Group {...props} />;
}
