import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { FIXED_PAGE_SIZE, fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { listed } from '../../components/phrases';
import { RowActionButton } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FirmPicker } from './FirmPicker';
import { type FirmRisk, type RiskLevel, riskColor, riskLevels, useLoad } from './shared';

interface Values {
  firmId: string;
  risk: RiskLevel;
  blockedDates: string;
}

/** The firms' risk levels (分级分类) and the dates each cannot be visited; the district office sets them. */
export function FirmsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [risk, setRisk] = useState<RiskLevel | ''>('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<FirmRisk | 'new' | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/inspections/firms', {
          params: { query: { risk: risk || undefined, page, pageSize: FIXED_PAGE_SIZE } },
        }),
      ),
    [risk, page],
  );
  const counts = useLoad(async () => unwrap(await api.GET('/api/v1/inspections/firms/risk-counts')), [data]);
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const blockedDates = (v.blockedDates ?? '').split(/[、,，\s]+/).filter(Boolean);
    unwrap(
      await api.PUT('/api/v1/inspections/firms/{id}/risk', {
        params: { path: { id: v.firmId } },
        body: { risk: v.risk, blockedDates },
      }),
    );
    void message.success(t('inspections.saved'));
    setEditing(null);
    await reload();
  });
  const canSet = data?.actions.setRisk ?? false;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('inspections.firms.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('inspections.firms.intro')}</Typography.Text>
      </div>
      <Flex gap={12} wrap>
        {riskLevels.map((l) => (
          <Card key={l} size="small" style={{ flex: '1 1 120px' }}>
            {/* Not yet counted (or the count failed) is no figure, not zero firms. */}
            <Statistic title={t(`inspections.risk.${l}`)} value={counts.data?.[l] ?? '—'} />
          </Card>
        ))}
      </Flex>
      <Space wrap>
        <Segmented
          value={risk}
          onChange={(v) => {
            setRisk(v as RiskLevel | '');
            setPage(1);
          }}
          options={[
            { value: '', label: t('inspections.firms.all') },
            ...riskLevels.map((l) => ({ value: l, label: t(`inspections.risk.${l}`) })),
          ]}
        />
        {canSet && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('inspections.firms.set')}
          </Button>
        )}
      </Space>
      <Table<FirmRisk>
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        rowKey="firmId"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={fixedPaging({ page, total: data?.total ?? 0, onChange: setPage })}
        columns={[
          { title: t('inspections.public.firm'), dataIndex: 'name' },
          { title: t('inspections.firms.creditCode'), dataIndex: 'creditCode' },
          {
            title: t('inspections.risk.title'),
            key: 'risk',
            render: (_, f) => <Tag color={riskColor[f.risk]}>{t(`inspections.risk.${f.risk}`)}</Tag>,
          },
          {
            title: t('inspections.firms.blockedDates'),
            key: 'b',
            render: (_, f) => listed(t, f.blockedDates) || '—',
          },
          {
            title: '',
            key: 'actions',
            fixed: 'right',
            render: (_, f) =>
              canSet && (
                <RowActionButton onClick={() => setEditing(f)} action={t('inspections.edit')} row={f.name} />
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('inspections.firms.set')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Form
          form={form}
          name="firmRisk"
          layout="vertical"
          onFinish={submit}
          initialValues={
            editing && editing !== 'new'
              ? { firmId: editing.firmId, risk: editing.risk, blockedDates: editing.blockedDates.join('、') }
              : { risk: 'medium', blockedDates: '' }
          }
        >
          <Form.Item
            name="firmId"
            label={t('inspections.public.firm')}
            rules={[{ required: true, message: t('errors.field.required') }]}
          >
            {editing && editing !== 'new' ? (
              <Select disabled options={[{ value: editing.firmId, label: editing.name }]} />
            ) : (
              <FirmPicker />
            )}
          </Form.Item>
          <Form.Item name="risk" label={t('inspections.risk.title')}>
            <Segmented options={riskLevels.map((l) => ({ value: l, label: t(`inspections.risk.${l}`) }))} />
          </Form.Item>
          <Form.Item
            name="blockedDates"
            label={t('inspections.firms.blockedDates')}
            extra={t('inspections.firms.blockedHint')}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
