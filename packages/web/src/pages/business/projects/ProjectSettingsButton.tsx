import { Button, Form, InputNumber, Modal, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { CatalogueEditor } from '../../../components/CatalogueEditor';
import { useFeedback } from '../../../components/Feedback';
import { useFormSubmit } from '../../../components/useFormSubmit';

type Settings = components['schemas']['ProjectSettings'];
const waits = ['registered', 'started', 'producing', 'effective'] as const;

/**
 * The office's settings of the projects: how many days a project may wait for each next stage
 * before it is flagged stalled, and the industrial-chain working groups (renamed, reordered,
 * retired, added). `onSaved` lets the list flag projects again by the new limits.
 */
export function ProjectSettingsButton({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<Settings>();
  const [open, setOpen] = useState(false);
  const show = async () => {
    form.setFieldsValue(unwrap(await api.GET('/api/v1/business/project-settings')));
    setOpen(true);
  };
  const { submit, busy } = useFormSubmit<Settings>(form, async (values) => {
    unwrap(await api.PUT('/api/v1/business/project-settings', { body: values }));
    void message.success(t('common.saved'));
    onSaved();
  });
  const stall = (
    <Form form={form} layout="vertical" name="project-stall" onFinish={submit}>
      <Space wrap>
        {waits.map((stage) => (
          <Form.Item
            key={stage}
            name={['stallDays', stage]}
            label={t('business.projects.stallFor', { stage: t(`business.projects.stages.${stage}`) })}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={3650} precision={0} style={{ width: 140 }} />
          </Form.Item>
        ))}
      </Space>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="stall-save">
        {t('business.projects.saveStall')}
      </Button>
    </Form>
  );
  const chains = (
    <CatalogueEditor
      testId="chains"
      load={async () => unwrap(await api.GET('/api/v1/business/industrial-chains'))}
      create={async (body) => {
        unwrap(await api.POST('/api/v1/business/industrial-chains', { body }));
        onSaved();
      }}
      update={async (code, body) => {
        unwrap(
          await api.PATCH('/api/v1/business/industrial-chains/{code}', { params: { path: { code } }, body }),
        );
        onSaved();
      }}
    />
  );
  return (
    <>
      <Button onClick={() => void show()} data-testid="project-settings">
        {t('business.projects.settings')}
      </Button>
      <Modal
        title={t('business.projects.settings')}
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        width={860}
        destroyOnHidden
      >
        <Tabs
          items={[
            { key: 'stall', label: t('business.projects.stallTab'), children: stall },
            { key: 'chains', label: t('business.projects.chainsTab'), children: chains },
          ]}
        />
      </Modal>
    </>
  );
}
