import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { useProblemHandler } from '../../../components/useProblemHandler';
import type { BlindReview, Campaign } from '../shared';

interface Values {
  scores: Record<string, number>;
  comment: string;
}

/** Scores 1–10 for each criterion of the rubric, with a comment. */
export function RubricForm({
  item,
  rubric,
  onSaved,
}: {
  item: BlindReview;
  rubric: Campaign['rubric'];
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  // Weights are relative (0.3/0.7 or 3/7 alike): shown as each criterion's share.
  const weightSum = rubric.reduce((s, c) => s + c.weight, 0) || 1;
  const [form] = Form.useForm<Values>();
  const save = async (values: Values) => {
    try {
      const result = unwrap(
        await api.PUT('/api/v1/ideas/reviews/{id}', {
          params: { path: { id: item.suggestionId } },
          body: { scores: values.scores, comment: values.comment ?? '' },
        }),
      );
      void message.success(t('ideas.review.saved', { total: result.total }));
      onSaved();
    } catch (error) {
      onProblem(error, form);
    }
  };
  return (
    <Form<Values>
      form={form}
      name="review"
      layout="vertical"
      onFinish={save}
      initialValues={{ scores: item.scores ?? {}, comment: item.comment ?? '' }}
    >
      {rubric.map((c) => (
        <Form.Item
          key={c.code}
          name={['scores', c.code]}
          label={t('ideas.review.criterion', {
            name: c.name,
            weight: Math.round((c.weight / weightSum) * 100),
          })}
          rules={[{ required: true, type: 'integer', min: 1, max: 10 }]}
        >
          <InputNumber min={1} max={10} precision={0} style={{ width: 120 }} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('ideas.review.comment')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="review-submit">
        {item.submittedAt ? t('ideas.review.update') : t('ideas.review.submit')}
      </Button>
    </Form>
  );
}
