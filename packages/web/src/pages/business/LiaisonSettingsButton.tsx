import { Button, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';

type Settings = components['schemas']['LiaisonSettings'];

/** The district office's visit frequency and how early a coming visit is flagged. */
export function LiaisonSettingsButton({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<Settings>();
  const [open, setOpen] = useState(false);
  const { submit, busy } = useFormSubmit<Settings>(form, async (values) => {
    unwrap(await api.PUT('/api/v1/business/liaison/settings', { body: values }));
    void message.success(t('business.liaison.saved'));
    setOpen(false);
    onSaved();
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="liaison-settings">
        {t('business.liaison.settings')}
      </Button>
      <Modal
        title={t('business.liaison.settings')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={settings}>
          <Form.Item
            name="visitEveryDays"
            label={t('business.liaison.visitEveryDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={7} max={366} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="dueSoonDays"
            label={t('business.liaison.dueSoonDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={60} style={{ width: 140 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
