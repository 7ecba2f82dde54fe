import { Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { ImportReportModal } from '../../../components/ImportReportModal';
import { useDownload } from '../../../components/useDownload';
import { rawFile, useFileImport } from '../../../components/useFileImport';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { XlsxUpload } from '../../../components/XlsxUpload';

/**
 * The office enters a month's count of new market entities (entering it again replaces it), or
 * imports many months from a workbook; a refused file shows its row report.
 */
export function EntitiesForm({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
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
  const { upload, importing, report, closeReport } = useFileImport({
    send: async (file) => unwrap(await api.POST('/api/v1/business/market-entities/import', rawFile(file))),
    onDone: (result) => {
      void message.success(t('business.excel.imported', result));
      onSaved();
    },
    fieldLabel: (field) => t(`business.investment.${field === 'count' ? 'entities' : field}`),
  });
  const template = useDownload(
    () => api.GET('/api/v1/business/market-entities/template', { parseAs: 'blob' }),
    'market-entities-template.xlsx',
  );
  return (
    <Card
      size="small"
      title={t('business.investment.entitiesForm')}
      extra={
        <Space>
          <Button onClick={template.download} loading={template.busy}>
            {t('business.excel.template')}
          </Button>
          <XlsxUpload upload={upload} importing={importing} data-testid="entities-import">
            {t('business.excel.import')}
          </XlsxUpload>
        </Space>
      }
    >
      <ImportReportModal report={report} onClose={closeReport} keys="business.excel" />
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
