import { Card, Empty, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { LoadFailed } from '../../components/LoadFailed';

type WaitingItem = components['schemas']['WaitingItem'];

/**
 * The work waiting for the signed-in person, counted by the server under each module's rules,
 * each kind linking to the page that lists it. A skeleton while it loads, so that an empty
 * list always means there is nothing to do, and that it could not be loaded (with a retry) when the
 * request failed, never a skeleton for ever.
 */
export function WaitingCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [items, setItems] = useState<WaitingItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  // Bumped by the retry: the effect asks again.
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each retry asks again on purpose
  useEffect(() => {
    let live = true;
    setFailed(false);
    setItems(null);
    // unwrap throws on a problem: in its own step, so that the failure reaches the second handler.
    api
      .GET('/api/v1/me/waiting')
      .then((res) => unwrap(res).items)
      .then(
        (list) => live && setItems(list),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  return (
    <Card title={t('admin.overview.waiting')}>
      {failed ? (
        <LoadFailed title={t('admin.overview.waitingFailed')} onRetry={() => setAttempt((n) => n + 1)} />
      ) : items === null ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : items.length === 0 ? (
        <Empty description={t('admin.overview.nothingWaiting')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <li key={`${item.module}.${item.key}`} style={{ padding: '8px 0' }}>
              <Link to={item.path}>{t(`${item.module}.waiting.${item.key}`)}</Link>{' '}
              <Tag color="blue">{item.count}</Tag>
              {item.overdue ? (
                <Tag color="red">{t('admin.overview.overdue', { count: item.overdue })}</Tag>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
