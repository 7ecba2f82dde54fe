import {
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { dayInChina } from '../../../components/dayInChina';
import { LoadFailed } from '../../../components/LoadFailed';
import { withNote } from '../../../components/phrases';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useLoad } from '../../../components/useLoad';
import { laterStages, type Project, type ProjectDetail, stages, yi } from './shared';

/**
 * One project in the console's drawer: its terms, its stages with their history (corrections
 * kept, struck through), its funds with the running total, and the forms the server allows.
 */
export function ProjectDrawer({
  id,
  onChange,
  onEdit,
}: {
  id: string;
  onChange(): void;
  onEdit(project: Project): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useLoad(
    async () => unwrap(await api.GET('/api/v1/business/projects/{id}', { params: { path: { id } } })),
    [id],
  );
  // What a form answered, until the drawer opens another project.
  const [fresh, setFresh] = useState<ProjectDetail | null>(null);
  const data = fresh?.id === id ? fresh : loaded.data;
  if (!data)
    return loaded.loading ? (
      <Skeleton active />
    ) : loaded.failed ? (
      <LoadFailed onRetry={() => void loaded.reload()} />
    ) : null;
  const changed = (next: ProjectDetail) => {
    setFresh(next);
    onChange();
  };
  const reached = stages.indexOf(data.stage);
  return (
    <Flex vertical gap={16} data-testid="project-drawer">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('business.projects.investor')}>
          {withNote(t, data.investor, data.firmName !== data.investor ? data.firmName : null)}
        </Descriptions.Item>
        <Descriptions.Item label={t('business.projects.amountYi')}>{yi(data.amount)}</Descriptions.Item>
        <Descriptions.Item label={t('business.projects.chain')}>{data.chainName}</Descriptions.Item>
        <Descriptions.Item label={t('business.projects.commissioner')}>
          {data.commissionerName}
        </Descriptions.Item>
        <Descriptions.Item label={t('business.projects.leadUnit')}>{data.leadUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('business.projects.landingDays')}>
          {data.landingDays === null ? '—' : t('business.projects.days', { count: data.landingDays })}
        </Descriptions.Item>
      </Descriptions>
      {data.actions.update && (
        <Button onClick={() => onEdit(data)} data-testid="project-edit" style={{ alignSelf: 'flex-start' }}>
          {t('business.projects.edit')}
        </Button>
      )}
      <Steps
        size="small"
        orientation="vertical"
        current={reached}
        items={stages.map((s) => ({
          title: t(`business.projects.stages.${s}`),
          description: data.stages[s] ?? '—',
        }))}
      />
      {data.stalled && (
        <Tag color="red" style={{ alignSelf: 'flex-start' }}>
          {t('business.projects.stalled', {
            days: data.stalled.days,
            count: data.stalled.days,
            stage: t(`business.projects.stages.${data.stalled.waitingFor}`),
          })}
        </Tag>
      )}
      {data.history.length > 0 && (
        <Card size="small" title={t('business.projects.history')}>
          {data.history.map((h) => (
            <Typography.Paragraph
              key={`${h.stage}-${h.recordedAt}`}
              style={{ margin: 0 }}
              delete={!h.current}
            >
              {t(`business.projects.stages.${h.stage}`)} · {h.reachedOn}
              {h.note ? ` · ${h.note}` : ''}
              <Typography.Text type="secondary">
                {' '}
                {t('business.projects.recordedBy', {
                  name: h.recordedByName ?? '—',
                  date: dayInChina(h.recordedAt),
                })}
              </Typography.Text>
            </Typography.Paragraph>
          ))}
        </Card>
      )}
      {data.actions.recordStage && <StageForm project={data} onChange={changed} />}
      <Card size="small" title={t('business.projects.funds', { total: yi(data.fundsInPlace) })}>
        <Table
          rowKey={(f) => `${f.receivedOn}-${f.cumulative}`}
          size="small"
          pagination={false}
          dataSource={data.funds}
          locale={{ emptyText: t('business.projects.noFunds') }}
          columns={[
            { title: t('business.projects.receivedOn'), dataIndex: 'receivedOn' },
            { title: t('business.projects.amountWan'), dataIndex: 'amount' },
            { title: t('business.projects.cumulativeWan'), dataIndex: 'cumulative' },
            { title: t('business.projects.note'), dataIndex: 'note' },
          ]}
        />
        {data.actions.recordFunds && <FundsForm project={data} onChange={changed} />}
      </Card>
    </Flex>
  );
}

/** The first stage not yet reached (the last one, to correct it, once all are). */
const nextStage = (p: ProjectDetail) => laterStages.find((s) => !p.stages[s]) ?? 'effective';

function StageForm({ project, onChange }: { project: ProjectDetail; onChange(p: ProjectDetail): void }) {
  const { t } = useTranslation();
  const api = useApi();
  type Values = { stage: (typeof laterStages)[number]; reachedOn: string; note?: string };
  const [form] = Form.useForm<Values>();
  const next = nextStage(project);
  const { submit, busy } = useFormSubmit<Values>(form, async (values) => {
    const saved = unwrap(
      await api.POST('/api/v1/business/projects/{id}/stages', {
        params: { path: { id: project.id } },
        body: { ...values, note: values.note ?? '' },
      }),
    );
    onChange(saved);
    form.resetFields(['reachedOn', 'note']);
    // The form moves on to the stage that now comes next.
    form.setFieldValue('stage', nextStage(saved));
  });
  return (
    <Card size="small" title={t('business.projects.recordStage')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ stage: next }}
        name="project-stage"
      >
        <Flex gap={12} wrap>
          <Form.Item name="stage" label={t('business.projects.stageToRecord')} style={{ flex: '1 1 140px' }}>
            <Select
              aria-label={t('business.projects.stageToRecord')}
              options={laterStages.map((s) => ({ value: s, label: t(`business.projects.stages.${s}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="reachedOn"
            label={t('business.projects.reachedOn')}
            rules={[{ required: true, message: t('business.projects.dateRequired') }]}
            style={{ flex: '1 1 160px' }}
          >
            <Input type="date" data-testid="stage-date" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('business.projects.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={busy} data-testid="stage-submit">
          {t('business.projects.saveStage')}
        </Button>
      </Form>
    </Card>
  );
}

function FundsForm({ project, onChange }: { project: ProjectDetail; onChange(p: ProjectDetail): void }) {
  const { t } = useTranslation();
  const api = useApi();
  type Values = { receivedOn: string; amount: number; note?: string };
  const [form] = Form.useForm<Values>();
  const { submit, busy } = useFormSubmit<Values>(form, async (values) => {
    onChange(
      unwrap(
        await api.POST('/api/v1/business/projects/{id}/funds', {
          params: { path: { id: project.id } },
          body: { ...values, note: values.note ?? '' },
        }),
      ),
    );
    form.resetFields();
  });
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      name="project-funds"
      style={{ marginTop: 12, rowGap: 8 }}
    >
      <Form.Item
        name="receivedOn"
        label={t('business.projects.receivedOn')}
        rules={[{ required: true, message: t('business.projects.dateRequired') }]}
      >
        <Input type="date" data-testid="funds-date" />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('business.projects.amountWan')}
        rules={[{ required: true, message: t('business.projects.amountRequired') }]}
      >
        <InputNumber min={1} precision={0} data-testid="funds-amount" />
      </Form.Item>
      <Form.Item name="note" label={t('business.projects.note')}>
        <Input maxLength={500} />
      </Form.Item>
      <Button htmlType="submit" loading={busy} data-testid="funds-submit">
        {t('business.projects.saveFunds')}
      </Button>
    </Form>
  );
}
