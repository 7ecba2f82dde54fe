import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { LoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useSession } from '../../session/SessionContext';
import { useLoad } from './shared';

/** 关注: a signed-in citizen or firm hears of the suggestion's every change in their inbox. */
export function FollowButton({ id }: { id: string }) {
  const { user, menu } = useSession();
  // The server sends 我的建议 to those who may follow: citizens and firms' staff.
  if (!user || !menu.some((m) => m.path === '/ideas/mine')) return null;
  return <Follow id={id} />;
}

function Follow({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const path = { params: { path: { id } } };
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/me/following/{id}', path)),
    ['follow', id],
  );
  const { submit, busy } = useFormSubmit(undefined, async () => {
    const now = data?.following
      ? unwrap(await api.DELETE('/api/v1/me/following/{id}', path))
      : unwrap(await api.PUT('/api/v1/me/following/{id}', path));
    void message.success(t(now.following ? 'ideas.follow.followed' : 'ideas.follow.unfollowed'));
    await reload();
  });
  // Not knowing whether one follows it is said, with a retry, rather than the button going missing.
  if (failed && !loading)
    return <LoadFailed title={t('ideas.follow.loadFailed')} onRetry={() => void reload()} />;
  if (!data) return null;
  return (
    <Tooltip title={t('ideas.follow.hint')}>
      <Button
        loading={busy}
        type={data.following ? 'default' : 'primary'}
        ghost={!data.following}
        onClick={() => void submit(undefined)}
        aria-pressed={data.following}
        data-testid="follow"
      >
        {data.following ? t('ideas.follow.unfollow') : t('ideas.follow.follow')}
      </Button>
    </Tooltip>
  );
}
