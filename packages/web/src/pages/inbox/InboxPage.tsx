import { Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { momentInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { announceInboxChanged } from '../../components/inboxChanged';
import { LoadFailed } from '../../components/LoadFailed';
import { useProblemHandler } from '../../components/useProblemHandler';
import { userRoles } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { noticeLink } from './noticeLink';
import { noticeParams } from './noticeParams';

type InboxItem = components['schemas']['InboxItem'];

/**
 * 我的消息: what the platform told the signed-in person (a request answered, a visit's results,
 * a report returned, a suggestion adopted), each worded from its key in the reader's language,
 * the unread first marked, on a phone as well as at a desk. A message about something with a page
 * of its own (a firm's request, a department's in the console's drawer) opens that page, and
 * counts as read once opened.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const { message } = useFeedback();
  const { user, loading } = useSession();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    setFailed(false);
    setItems(null);
    // unwrap throws on a problem: in its own step, so that the failure reaches the second handler.
    return api
      .GET('/api/v1/inbox')
      .then((res) => unwrap(res))
      .then(setItems, () => setFailed(true));
  }, [api]);

  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  const markRead = useCallback(
    async (id: string) => {
      try {
        unwrap(await api.POST('/api/v1/inbox/{id}/read', { params: { path: { id } } }));
        const now = new Date().toISOString();
        setItems((list) => list?.map((m) => (m.id === id ? { ...m, readAt: now } : m)) ?? null);
        announceInboxChanged();
      } catch (error) {
        onProblem(error);
      }
    },
    [api, onProblem],
  );

  const [markingAll, setMarkingAll] = useState(false);
  const markAllRead = useCallback(async () => {
    setMarkingAll(true);
    try {
      // Up to the newest message shown: one that arrived since is not marked unseen.
      const upTo = items?.[0]?.at ?? new Date().toISOString();
      const { marked } = unwrap(await api.POST('/api/v1/inbox/read-all', { body: { upTo } }));
      const now = new Date().toISOString();
      setItems((list) => list?.map((m) => (m.readAt ? m : { ...m, readAt: now })) ?? null);
      announceInboxChanged();
      void message.success(t('common.inbox.allMarked', { count: marked }));
    } catch (error) {
      onProblem(error);
    } finally {
      setMarkingAll(false);
    }
  }, [api, items, onProblem, message, t]);

  if (loading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to="/login?next=%2Finbox" replace />;
  const unread = items?.filter((m) => !m.readAt).length ?? 0;
  const roles = userRoles(user);
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('common.inbox.title')}
      </Typography.Title>
      {failed ? (
        <LoadFailed onRetry={() => void load()} />
      ) : items === null ? (
        <Spin style={{ display: 'block', marginTop: 32 }} />
      ) : items.length === 0 ? (
        <Empty description={t('common.inbox.empty')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text type="secondary">{t('common.inbox.unread', { count: unread })}</Typography.Text>
            {unread > 0 && (
              <Button
                size="small"
                loading={markingAll}
                onClick={() => void markAllRead()}
                data-testid="inbox-read-all"
              >
                {t('common.inbox.markAllRead')}
              </Button>
            )}
          </Space>
          {items.map((m) => (
            <Card key={m.id} size="small" data-testid="inbox-item">
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <span>
                  {!m.readAt && <Tag color="red">{t('common.inbox.new')}</Tag>}
                  <NoticeText item={m} href={noticeLink(m, roles)} onOpen={() => void markRead(m.id)} />
                </span>
                <Space wrap>
                  <Typography.Text type="secondary">{momentInChina(m.at)}</Typography.Text>
                  {!m.readAt && (
                    <Button size="small" onClick={() => void markRead(m.id)}>
                      {t('common.inbox.markRead')}
                    </Button>
                  )}
                </Space>
              </Space>
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}

/** A message in words; one about something with a page opens it, and is read once opened. */
function NoticeText({ item, href, onOpen }: { item: InboxItem; href: string | null; onOpen: () => void }) {
  const { t } = useTranslation();
  const text = t(item.key, noticeParams(item));
  if (!href) return text;
  return (
    <Link to={href} onClick={item.readAt ? undefined : onOpen}>
      {text}
    </Link>
  );
}
