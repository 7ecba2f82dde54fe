import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { User } from '../../api/types';
import { useFeedback } from '../../components/Feedback';
import { useProblemHandler } from '../../components/useProblemHandler';

/** The one-click account operations of the users table, each confirmed before it runs. */
export function useUserActions({
  onChanged,
  onPassword,
}: {
  onChanged(): void;
  onPassword(p: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { modal, message } = useFeedback();
  const onProblem = useProblemHandler();

  const run = (title: string, action: () => Promise<void>) =>
    modal.confirm({
      title,
      onOk: async () => {
        try {
          await action();
        } catch (error) {
          onProblem(error);
        }
      },
    });

  const path = (user: User) => ({ params: { path: { id: user.id } } });

  return {
    toggleDisabled: (user: User) =>
      run(
        t(user.disabled ? 'users.actions.confirmEnable' : 'users.actions.confirmDisable', user),
        async () => {
          unwrap(
            await api.PATCH('/api/v1/users/{id}', { ...path(user), body: { disabled: !user.disabled } }),
          );
          void message.success(t('common.saved'));
          onChanged();
        },
      ),
    resetPassword: (user: User) =>
      run(t('users.actions.confirmReset', user), async () => {
        const result = unwrap(await api.POST('/api/v1/users/{id}/reset-password', path(user)));
        onPassword(result.password);
        onChanged();
      }),
    revokeSessions: (user: User) =>
      run(t('users.actions.confirmRevoke', user), async () => {
        unwrap(await api.POST('/api/v1/users/{id}/revoke-sessions', path(user)));
        void message.success(t('users.actions.revoked'));
      }),
  };
}
