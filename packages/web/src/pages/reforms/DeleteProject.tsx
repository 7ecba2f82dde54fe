import { limits } from '@qianxing/core/limits';
import { Button, Form, Input, Modal, Popconfirm, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useProblemHandler } from '../../components/useProblemHandler';
import type { ReformProject } from './shared';

const { min, max } = limits.withdrawalReason;

/**
 * The project's delete action, offered by the server's `actions.delete`. A project entered by
 * mistake goes after a confirmation; one taken up from citizens' suggestions (采纳转化) asks why,
 * and says that each suggestion's public timeline and its author, followers and supporters will
 * be told. A project with reports cannot go.
 */
export function DeleteProject({ project, onDeleted }: { project: ReformProject; onDeleted(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const send = async (body?: { reason: string }) =>
    unwrap(
      await api.DELETE('/api/v1/reforms/projects/{id}', {
        params: { path: { id: project.id } },
        ...(body ? { body } : {}),
      }),
    );
  const { submit, busy } = useFormSubmit(form, async ({ reason }: { reason: string }) => {
    await send({ reason });
    setOpen(false);
    onDeleted();
  });
  if (!project.actions.delete) return null;
  const button = (disabled = false, onClick?: () => void) => (
    <Button size="small" danger disabled={disabled} onClick={onClick} data-testid="reform-project-delete">
      {t('reforms.project.delete')}
    </Button>
  );
  if (project.reports.length > 0)
    return <Tooltip title={t('reforms.project.deleteHasReports')}>{button(true)}</Tooltip>;
  if (project.fromSuggestions.length === 0)
    return (
      <Popconfirm
        title={t('reforms.project.deleteConfirm', { name: project.name })}
        onConfirm={async () => {
          try {
            await send();
            onDeleted();
          } catch (error) {
            onProblem(error);
          }
        }}
      >
        {button()}
      </Popconfirm>
    );
  return (
    <>
      {button(false, () => setOpen(true))}
      <Modal
        open={open}
        title={t('reforms.project.withdrawTitle', { name: project.name })}
        okText={t('reforms.project.withdrawOk')}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="reform-withdraw-told">
          {t('reforms.project.withdrawTold', { count: project.fromSuggestions.length })}
        </Typography.Paragraph>
        <ul>
          {project.fromSuggestions.map((s) => (
            <li key={s.id}>{s.title}</li>
          ))}
        </ul>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="reason"
            label={t('reforms.project.withdrawReason')}
            extra={t('reforms.project.withdrawReasonHint')}
            rules={[{ required: true, whitespace: true, min, max }]}
          >
            <Input.TextArea rows={3} maxLength={max} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
