import { limits } from '@qianxing/core/limits';
import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { RoleGrant } from '../../api/types';
import { useFormSubmit } from '../../components/useFormSubmit';
import { GrantsField } from './GrantsField';

interface CreateValues {
  login: string;
  displayName: string;
  phone?: string;
  password?: string;
  roles?: RoleGrant[];
}

/** New staff account; with no password given the server makes one and returns it once. */
export function UserCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(login: string, initialPassword: string | null): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<CreateValues>();

  const { submit, busy } = useFormSubmit(form, async (values: CreateValues) => {
    const created = unwrap(
      await api.POST('/api/v1/users', {
        body: {
          login: values.login.trim(),
          displayName: values.displayName.trim(),
          ...(values.phone ? { phone: values.phone } : {}),
          ...(values.password ? { password: values.password } : {}),
          roles: values.roles ?? [],
        },
      }),
    );
    form.resetFields();
    onCreated(created.user.login, created.initialPassword);
  });

  // The form outlives the modal's content: without a reset, reopening showed what was typed
  // before Cancel (and its errors).
  const close = () => {
    form.resetFields();
    onClose();
  };

  const submitProps: ButtonProps & { 'data-testid': string } = {
    loading: busy,
    'data-testid': 'user-create-submit',
  };

  return (
    <Modal
      open={open}
      title={t('users.create.title')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('users.create.submit')}
      okButtonProps={submitProps}
      destroyOnHidden
      width={640}
    >
      <Form form={form} name="userCreate" layout="vertical" onFinish={submit} initialValues={{ roles: [{}] }}>
        <Form.Item
          name="login"
          label={t('users.fields.login')}
          rules={[
            { required: true, message: t('users.create.loginRequired') },
            {
              min: limits.login.min,
              max: limits.login.max,
              message: t('common.lengthBetween', limits.login),
            },
            { pattern: /^[A-Za-z0-9_.@-]+$/, message: t('auth.invite.loginPattern') },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="off" />
        </Form.Item>
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
        <Form.Item
          name="phone"
          label={t('users.fields.phone')}
          rules={[{ pattern: limits.phone, message: t('auth.register.phoneInvalid') }]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.fields.password')}
          extra={t('users.create.passwordHint')}
          rules={[
            {
              min: limits.password.min,
              max: limits.password.max,
              message: t('auth.password.length', { min: limits.password.min, max: limits.password.max }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('users.fields.roles')}>
          <GrantsField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
