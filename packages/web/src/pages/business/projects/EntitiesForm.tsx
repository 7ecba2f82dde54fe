import { App, Button, Card, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFormSubmit } from '../../../components/useFormSubmit';

/** The office enters a month's count of new market entities (entering it again replaces it). */
export function EntitiesForm({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  type Values = { month: string; count: number };
  const [form] = Form.useForm<Values>();
  const { submit, busy } = useFormSubmit<Values>(form, async ({ month, count }) => {
    unwrap(
      await api.PUT('/api/v1/business/market-entities/{month}', {
        params: { path: { month } },
        body: { count },
      }),
    );
    void message.success(t('business.investment.entitiesSaved', { month }));
    onSaved();
  });
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <Card size="small" title={t('business.investment.entitiesForm')}>
      <Form form={form} layout="inline" onFinish={submit} name="market-entities" style={{ rowGap: 8 }}>
        <Form.Item name="month" label={t('business.investment.month')} rules={required}>
          <Input type="month" />
        </Form.Item>
        <Form.Item name="count" label={t('business.investment.entities')} rules={required}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={busy}>
          {t('business.investment.save')}
        </Button>
      </Form>
    </Card>
  );
}
