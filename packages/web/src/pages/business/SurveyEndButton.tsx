import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { RowActionButton } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';

interface Values {
  closesOn: string;
}

/**
 * 调整截止日: an open survey takes answers only within its dates, so the office that wants more
 * answers (or fewer days) moves its last day here; nothing else of it changes once open.
 */
export function SurveyEndButton({
  survey,
  onSaved,
}: {
  survey: { id: string; title: string; closesOn: string };
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { submit, busy } = useFormSubmit<Values>(form, async (values) => {
    unwrap(
      await api.POST('/api/v1/business/surveys/{id}/end', {
        params: { path: { id: survey.id } },
        body: { closesOn: values.closesOn },
      }),
    );
    void message.success(t('business.surveys.endMoved', { date: values.closesOn }));
    setOpen(false);
    onSaved();
  });
  return (
    <>
      <RowActionButton
        onClick={() => setOpen(true)}
        data-testid="survey-end"
        action={t('business.surveys.moveEnd')}
        row={survey.title}
      />
      <Modal
        open={open}
        title={t('business.surveys.moveEnd')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Form
          form={form}
          name="survey-end"
          layout="vertical"
          initialValues={{ closesOn: survey.closesOn }}
          onFinish={submit}
        >
          <Form.Item
            name="closesOn"
            label={t('business.surveys.fields.closesOn')}
            extra={t('business.surveys.moveEndHint')}
            rules={[{ required: true }]}
          >
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
