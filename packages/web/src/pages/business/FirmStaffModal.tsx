import { limits } from '@qianxing/core/limits';
import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { RowActionButton } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useLoad } from '../../components/useLoad';
import { useProblemHandler } from '../../components/useProblemHandler';
import type { Firm, FirmMember } from './shared';

/**
 * A firm's staff accounts: who has joined, an invitation link for one more (the accounts' own
 * invitation, which makes whoever accepts it a member of this firm), and taking one off.
 */
export function FirmStaffModal({
  firm,
  onClose,
  onInvited,
}: {
  firm: Firm | null;
  onClose(): void;
  onInvited(link: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<{ displayName: string; days: number }>();
  const members = useLoad(
    async () =>
      firm
        ? unwrap(await api.GET('/api/v1/business/firms/{id}/members', { params: { path: { id: firm.id } } }))
        : [],
    [firm?.id],
  );

  const { submit, busy } = useFormSubmit(form, async (values: { displayName: string; days: number }) => {
    if (!firm) return;
    const invitation = unwrap(
      await api.POST('/api/v1/business/firms/{id}/invitations', {
        params: { path: { id: firm.id } },
        body: { displayName: values.displayName.trim(), days: values.days },
      }),
    );
    form.resetFields();
    onInvited(`${location.origin}/invite/${invitation.token}`);
  });

  const remove = async (member: FirmMember) => {
    if (!firm) return;
    try {
      unwrap(
        await api.DELETE('/api/v1/business/firms/{id}/members/{userId}', {
          params: { path: { id: firm.id, userId: member.userId } },
        }),
      );
      void message.success(t('business.staff.removed'));
      void members.reload();
    } catch (error) {
      onProblem(error);
    }
  };

  return (
    <Modal
      open={firm !== null}
      title={t('business.staff.title', { name: firm?.name ?? '' })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={720}
    >
      <Alert type="info" showIcon title={t('business.staff.hint')} style={{ marginBottom: 16 }} />
      <Table<FirmMember>
        rowKey="userId"
        size="small"
        loading={members.loading}
        dataSource={members.data ?? []}
        pagination={false}
        locale={{ emptyText: emptyUnlessFailed(members, t('business.staff.empty')) }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('business.staff.login'), dataIndex: 'login' },
          {
            title: t('business.staff.displayName'),
            key: 'displayName',
            render: (_, m) => (
              <Space size={4}>
                {m.displayName}
                {m.disabled && <Tag>{t('business.staff.disabled')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('business.staff.since'),
            dataIndex: 'since',
            render: (at: string) => dayInChina(at),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, m) => (
              <Popconfirm
                title={t('business.staff.removeConfirm', { name: m.displayName })}
                onConfirm={() => remove(m)}
              >
                <RowActionButton type="link" danger action={t('business.staff.remove')} row={m.displayName} />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form
        form={form}
        name="firmInvite"
        layout="inline"
        onFinish={submit}
        initialValues={{ days: 7 }}
        style={{ marginTop: 16, rowGap: 8 }}
      >
        <Form.Item
          name="displayName"
          label={t('business.staff.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('users.create.displayNameRequired') },
            { max: limits.userName.max, message: t('common.tooLong', { max: limits.userName.max }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="days" label={t('business.staff.days')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="firm-invite-submit">
          {t('business.staff.send')}
        </Button>
      </Form>
    </Modal>
  );
}
