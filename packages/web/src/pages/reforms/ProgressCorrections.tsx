import { Button, Card, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { momentInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import { percent, type ReformProject } from './shared';

type Correction = ReformProject['corrections'][number];
interface Values {
  milestoneId: string;
  /** Percent 0..100 as typed. */
  done: number;
  reason: string;
}

/**
 * The project's corrections of approved progress (进度更正记录), and for the reform office the
 * command that lowers a milestone approved by mistake, reason required. Raising progress stays
 * with the lead unit's reports.
 */
export function ProgressCorrections({
  project,
  onCorrected,
}: {
  project: ReformProject;
  onCorrected(p: ReformProject): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const lowerable = project.milestoneList.filter((m) => m.done > 0);
  const chosenId = Form.useWatch('milestoneId', form);
  const chosen = project.milestoneList.find((m) => m.id === chosenId);
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const corrected = unwrap(
      await api.POST('/api/v1/reforms/projects/{id}/milestones/{milestoneId}/correction', {
        params: { path: { id: project.id, milestoneId: v.milestoneId } },
        body: { done: v.done / 100, reason: v.reason },
      }),
    );
    setOpen(false);
    form.resetFields();
    void message.success(t('reforms.corrections.saved'));
    onCorrected(corrected);
  });
  const offer = project.actions.correct && lowerable.length > 0;
  if (!offer && project.corrections.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('reforms.corrections.title')}
      data-testid="reform-corrections"
      extra={
        offer && (
          <Button size="small" onClick={() => setOpen(true)} data-testid="reform-correct">
            {t('reforms.corrections.correct')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('reforms.corrections.intro')}</Typography.Paragraph>
      <Table<Correction>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={project.corrections}
        // As text of its own colour: antd greys an empty scrolling table's words below AA contrast.
        locale={{
          emptyText: <Typography.Text type="secondary">{t('reforms.corrections.none')}</Typography.Text>,
        }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('reforms.corrections.when'), key: 'at', render: (_, c) => momentInChina(c.correctedAt) },
          { title: t('reforms.corrections.milestone'), dataIndex: 'milestoneName' },
          {
            title: t('reforms.corrections.change'),
            key: 'change',
            render: (_, c) =>
              t('reforms.corrections.from', { from: percent(c.doneBefore), to: percent(c.doneAfter) }),
          },
          { title: t('reforms.corrections.reason'), dataIndex: 'reason' },
          { title: t('reforms.corrections.by'), key: 'by', render: (_, c) => c.correctedByName ?? '—' },
        ]}
      />
      <Modal
        open={open}
        title={t('reforms.corrections.modalTitle')}
        okText={t('reforms.corrections.save')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="milestoneId"
            label={t('reforms.corrections.milestone')}
            rules={[{ required: true }]}
          >
            <Select
              options={lowerable.map((m) => ({
                value: m.id,
                label: `${m.name}（${t('reforms.corrections.approved')} ${percent(m.done)}%）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="done"
            label={t('reforms.corrections.done')}
            extra={chosen && t('reforms.corrections.lowerThan', { value: percent(chosen.done) })}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={100} step={10} suffix="%" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('reforms.corrections.reason')}
            extra={t('reforms.corrections.reasonHint')}
            rules={[{ required: true, whitespace: true, min: 4, max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
