import { Button, Form, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';

type Settings = components['schemas']['BusinessScorecardSettings'];

/**
 * The district office's settings of the published department scorecard: deadline, weights, tiers,
 * and the rating period after which an unrated answer closes the request unrated.
 */
export function ScorecardSettingsButton() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<Settings>();
  const [open, setOpen] = useState(false);
  const show = async () => {
    form.setFieldsValue(unwrap(await api.GET('/api/v1/business/scorecard/settings')));
    setOpen(true);
  };
  const { submit, busy } = useFormSubmit<Settings>(form, async (values) => {
    unwrap(await api.PUT('/api/v1/business/scorecard/settings', { body: values }));
    void message.success(t('business.scorecard.saved'));
    setOpen(false);
  });
  const number = (name: string | string[], label: string, max: number, step = 1) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={0} max={max} step={step} style={{ width: 140 }} />
    </Form.Item>
  );
  // Whole working days, 1 to 60, as the server takes them: the field rounds and bounds what is typed.
  const workdays = (name: 'deadlineWorkdays' | 'ratingWorkdays', label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, type: 'integer', min: 1, max: 60 }]}>
      <InputNumber min={1} max={60} precision={0} style={{ width: 140 }} />
    </Form.Item>
  );
  return (
    <>
      <Space>
        <Button onClick={() => void show()} data-testid="scorecard-settings">
          {t('business.scorecard.settings')}
        </Button>
        <Link to="/business/scorecard">{t('business.scorecard.open')}</Link>
      </Space>
      <Modal
        title={t('business.scorecard.settings')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {workdays('deadlineWorkdays', t('business.scorecard.deadline'))}
          {workdays('ratingWorkdays', t('business.scorecard.ratingWorkdays'))}
          <Space wrap>
            {number(['weights', 'response'], t('business.scorecard.responseRate'), 100, 0.1)}
            {number(['weights', 'resolution'], t('business.scorecard.resolutionRate'), 100, 0.1)}
            {number(['weights', 'satisfaction'], t('business.scorecard.satisfactionRate'), 100, 0.1)}
            {number(['weights', 'survey'], t('business.scorecard.surveyWeight'), 100, 0.1)}
          </Space>
          <Space wrap>
            {number('goodFrom', t('business.scorecard.goodFrom'), 100)}
            {/* As the server takes them: 差 may start where 好 does (no 中 then), never above it. */}
            <Form.Item
              name="poorBelow"
              label={t('business.scorecard.poorBelow')}
              dependencies={['goodFrom']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: async (_, poorBelow?: number | null) => {
                    const goodFrom = getFieldValue('goodFrom') as number | null | undefined;
                    if (typeof poorBelow === 'number' && typeof goodFrom === 'number' && poorBelow > goodFrom)
                      throw new Error(t('errors.field.tiers_crossed'));
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={100} style={{ width: 140 }} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
