import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import type { Region } from './shared';

export const regionKinds = ['peer', 'wuling_city', 'county', 'self'] as const;
type Values = { code: string; name: string; kind: Region['kind']; sort?: number };
type Load = { data: Region[] | null; loading: boolean; failed: boolean; reload: () => Promise<void> };

/**
 * The regions the district compares itself with, and a form to add one; the server's refusal of a
 * field (a code already used, say) is shown under that field.
 */
export function PeerRegions({ regions }: { regions: Load }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const made = unwrap(await api.POST('/api/v1/targets/regions', { body: { ...v, sort: v.sort ?? 0 } }));
    void message.success(t('targets.benchmarks.regions.added', { name: made.name }));
    form.resetFields();
    await regions.reload();
  });
  const required = { required: true, message: t('errors.field.required') };
  return (
    <Card title={t('targets.benchmarks.regions.title')} size="small">
      <Form
        form={form}
        name="region"
        layout="inline"
        onFinish={submit}
        initialValues={{ kind: 'peer', sort: 0 }}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="code" label={t('targets.benchmarks.regions.code')} rules={[required]}>
          <Input maxLength={40} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="name" label={t('targets.benchmarks.regions.name')} rules={[required]}>
          <Input maxLength={100} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('targets.benchmarks.regions.kind')} rules={[required]}>
          <Select
            style={{ width: 150 }}
            options={regionKinds.map((k) => ({ value: k, label: t(`targets.benchmarks.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="sort" label={t('targets.benchmarks.regions.sort')}>
          <InputNumber<number> min={0} max={10000} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('targets.benchmarks.regions.add')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Region>
        locale={{
          emptyText: emptyUnlessFailed(regions, t('targets.benchmarks.regions.none')),
        }}
        rowKey="id"
        size="small"
        loading={regions.loading}
        dataSource={regions.data ?? []}
        pagination={{ ...fixedPaging(), hideOnSinglePage: true }}
        columns={[
          { title: t('targets.benchmarks.regions.code'), dataIndex: 'code' },
          {
            title: t('targets.benchmarks.regions.name'),
            key: 'name',
            render: (_, r) => (
              <Space size={4}>
                {r.name}
                {r.isDemo && <Tag>{t('common.demo')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('targets.benchmarks.regions.kind'),
            dataIndex: 'kind',
            render: (k) => t(`targets.benchmarks.kinds.${k}`),
          },
          { title: t('targets.benchmarks.regions.sort'), dataIndex: 'sort' },
        ]}
      />
    </Card>
  );
}
