import { Button, Card, Empty, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { momentInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { LoadFailed } from '../../components/LoadFailed';
import { signedOut, useLoad } from '../../components/useLoad';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';

const signIn = '/login?next=%2Faccount%2Fdevices';

/**
 * 常用设备: the browsers the account signed in from, which sign in again on their own limits
 * while guessing from elsewhere slows the account down. The owner sees when each was first and
 * last used, where (masked) and with what, and forgets one they no longer use or do not know.
 */
export function DevicesPage() {
  const { user, loading } = useSession();
  if (loading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to={signIn} replace />;
  return <Devices />;
}

/** The list itself, loaded once a session is there to ask with. */
function Devices() {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const { message } = useFeedback();
  const { refresh } = useSession();
  const devices = useLoad(async () => unwrap(await api.GET('/api/v1/auth/devices')).items, [], {
    signInOnPage: true,
  });
  const [forgotten, setForgotten] = useState<string[]>([]);
  const ended = devices.problem !== null && signedOut(devices.problem);

  // The session ended since the page opened: read it again, so the sign-in page asks for a
  // sign-in rather than saying this reader is still signed in.
  useEffect(() => {
    if (ended) refresh().catch(() => undefined);
  }, [ended, refresh]);

  const forget = useCallback(
    async (id: string) => {
      try {
        unwrap(await api.DELETE('/api/v1/auth/devices/{id}', { params: { path: { id } } }));
        setForgotten((ids) => [...ids, id]);
        void message.success(t('auth.devices.forgotten'));
      } catch (error) {
        onProblem(error);
      }
    },
    [api, message, onProblem, t],
  );

  if (ended) return <Navigate to={signIn} replace />;
  const items = (devices.data ?? []).filter((d) => !forgotten.includes(d.id));
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('auth.devices.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.devices.intro')}</Typography.Paragraph>
      {devices.loading ? (
        <div aria-busy="true" data-testid="devices-loading">
          <Spin style={{ display: 'block', marginTop: 32 }} />
        </div>
      ) : devices.failed ? (
        <LoadFailed onRetry={() => void devices.reload()} />
      ) : items.length === 0 ? (
        <Empty description={t('auth.devices.empty')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map((d) => (
            <Card key={d.id} size="small" data-testid="device">
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <span>
                  <Typography.Text strong>{d.browser || t('auth.devices.unknownBrowser')}</Typography.Text>
                  {d.current && (
                    <Tag color="blue" style={{ marginInlineStart: 8 }}>
                      {t('auth.devices.current')}
                    </Tag>
                  )}
                </span>
                <Typography.Text type="secondary">
                  {t('auth.devices.address', { address: d.address || t('auth.devices.unknownAddress') })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('auth.devices.used', {
                    first: momentInChina(d.createdAt),
                    last: momentInChina(d.lastUsedAt),
                  })}
                </Typography.Text>
                <Popconfirm
                  title={t('auth.devices.confirm')}
                  okText={t('auth.devices.forget')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => forget(d.id)}
                >
                  <Button size="small" danger data-testid="device-forget">
                    {t('auth.devices.forget')}
                  </Button>
                </Popconfirm>
              </Space>
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}
