import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { RoleGrant, User } from '../../api/types';
import { useFormSubmit } from '../../components/useFormSubmit';
import { GrantsField } from './GrantsField';

/** Replaces a user's grants with the edited list (PUT: the list is the new whole). */
export function RolesModal({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<{ roles?: RoleGrant[] }>();

  const { submit, busy } = useFormSubmit(form, async (values: { roles?: RoleGrant[] }) => {
    if (!user) return;
    unwrap(
      await api.PUT('/api/v1/users/{id}/roles', {
        params: { path: { id: user.id } },
        body: { roles: values.roles ?? [] },
      }),
    );
    onSaved();
  });

  return (
    <Modal
      open={user !== null}
      title={t('users.roles.title', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={640}
    >
      {user && (
        <Form
          form={form}
          name="userRoles"
          layout="vertical"
          onFinish={submit}
          initialValues={{ roles: user.roles.map(({ role, unitId }) => ({ role, unitId })) }}
        >
          <GrantsField />
        </Form>
      )}
    </Modal>
  );
}
