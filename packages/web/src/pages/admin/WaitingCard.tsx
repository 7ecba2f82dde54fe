import { Alert, Card, Empty, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';

type WaitingItem = components['schemas']['WaitingItem'];

/**
 * The work waiting for the signed-in person, counted by the server under each module's rules,
 * each kind linking to the page that lists it. A skeleton while it loads, so that an empty
 * list always means there is nothing to do.
 */
export function WaitingCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [items, setItems] = useState<WaitingItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    api.GET('/api/v1/me/waiting').then(
      (res) => live && setItems(unwrap(res).items),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <Card title={t('admin.overview.waiting')}>
      {failed ? (
        <Alert type="error" title={t('admin.overview.waitingFailed')} />
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
