import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useFeedback } from '../../../components/Feedback';
import { useProblemHandler } from '../../../components/useProblemHandler';
import type { IdeaAction } from '../shared';

type Progress = components['schemas']['ActionProgressInput'];
const statuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;

/** Reports an action's status and progress, with a note. */
export function ProgressForm({ action, onDone }: { action: IdeaAction; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<Progress>();
  const save = async (values: Progress) => {
    try {
      unwrap(
        await api.POST('/api/v1/ideas/actions/{id}/progress', {
          params: { path: { id: action.id } },
          body: { ...values, note: values.note ?? '' },
        }),
      );
      void message.success(t('ideas.adoption.updated'));
      onDone();
    } catch (error) {
      onProblem(error, form);
    }
  };
  return (
    <Form<Progress>
      form={form}
      name="progress"
      layout="vertical"
      onFinish={save}
      initialValues={{ status: action.status, progress: action.progress, note: '' }}
    >
      <Form.Item name="status" label={t('ideas.fields.status')} rules={[{ required: true }]}>
        <Select options={statuses.map((s) => ({ value: s, label: t(`ideas.actionStatus.${s}`) }))} />
      </Form.Item>
      <Form.Item name="progress" label={t('ideas.adoption.progress')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} precision={0} suffix="%" />
      </Form.Item>
      <Form.Item name="note" label={t('ideas.adoption.note')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('ideas.adoption.save')}
      </Button>
    </Form>
  );
}
