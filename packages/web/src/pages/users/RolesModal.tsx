import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { RoleGrant, User } from '../../api/types';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import { GrantsField } from './GrantsField';

/**
 * Replaces a user's grants with the edited list (PUT: the list is the new whole). Saving an
 * account with no role left (it can then open no console page) is confirmed first.
 */
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
  const { modal, message } = useFeedback();
  const [form] = Form.useForm<{ roles?: RoleGrant[] }>();

  const { submit: save, busy } = useFormSubmit(form, async (values: { roles?: RoleGrant[] }) => {
    if (!user) return;
    unwrap(
      await api.PUT('/api/v1/users/{id}/roles', {
        params: { path: { id: user.id } },
        body: { roles: values.roles ?? [] },
      }),
    );
    void message.success(t('common.saved'));
    form.resetFields();
    onSaved();
  });

  const submit = (values: { roles?: RoleGrant[] }) => {
    if ((values.roles?.length ?? 0) > 0) return save(values);
    modal.confirm({
      title: t('users.roles.confirmNone', { name: user?.displayName ?? '' }),
      content: t('users.roles.confirmNoneDetail'),
      okText: t('users.roles.saveNone'),
      okButtonProps: { danger: true },
      onOk: () => save(values),
    });
  };

  // The form outlives the modal's content: without a reset, the next account's roles opened
  // with the edits left unsaved here.
  const close = () => {
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.roles.title', { name: user?.displayName ?? '' })}
      onCancel={close}
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
