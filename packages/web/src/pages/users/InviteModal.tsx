import { limits } from '@qianxing/core/limits';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { RoleGrant } from '../../api/types';
import { useFormSubmit } from '../../components/useFormSubmit';
import { GrantsField } from './GrantsField';

interface InviteValues {
  displayName: string;
  days: number;
  roles?: RoleGrant[];
}

/** An invitation link: the invited person picks their own login and password. */
export function InviteModal({
  open,
  onClose,
  onInvited,
}: {
  open: boolean;
  onClose(): void;
  onInvited(link: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<InviteValues>();

  const { submit, busy } = useFormSubmit(form, async (values: InviteValues) => {
    const invitation = unwrap(
      await api.POST('/api/v1/invitations', {
        body: { displayName: values.displayName.trim(), days: values.days, roles: values.roles ?? [] },
      }),
    );
    form.resetFields();
    onInvited(`${location.origin}/invite/${invitation.token}`);
  });

  // The form outlives the modal's content: without a reset, reopening showed what was typed
  // before Cancel.
  const close = () => {
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('users.invite.title')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('users.invite.submit')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name="userInvite"
        layout="vertical"
        onFinish={submit}
        initialValues={{ days: 7, roles: [{}] }}
      >
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('users.create.displayNameRequired') },
            { max: limits.userName.max, message: t('common.tooLong', { max: limits.userName.max }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="days" label={t('users.invite.days')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} precision={0} />
        </Form.Item>
        <Form.Item label={t('users.fields.roles')}>
          <GrantsField minRows={1} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
