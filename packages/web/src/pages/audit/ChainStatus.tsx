import { Alert, Button, Card, Descriptions, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { AuditChainStatus } from '../../api/types';
import { useProblemHandler } from '../../components/useProblemHandler';

/** Whether the audit log's hash chain still verifies, and where it breaks when it does not. */
export function ChainStatus() {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const [status, setStatus] = useState<AuditChainStatus | null>(null);
  const [loading, setLoading] = useState(false);

  const verify = useCallback(async () => {
    setLoading(true);
    try {
      setStatus(unwrap(await api.GET('/api/v1/audit/chain')));
    } catch (error) {
      onProblem(error);
    } finally {
      setLoading(false);
    }
  }, [api, onProblem]);

  useEffect(() => {
    void verify();
  }, [verify]);

  return (
    <Card
      title={t('audit.chain.title')}
      extra={
        <Button size="small" onClick={() => void verify()} loading={loading}>
          {t('audit.chain.verify')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      {!status ? (
        <Spin />
      ) : (
        <>
          <Alert
            type={status.ok ? 'success' : 'error'}
            showIcon
            title={t(status.ok ? 'audit.chain.ok' : 'audit.chain.broken')}
            style={{ marginBottom: 12 }}
          />
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('audit.chain.sealed')}>{status.sealed}</Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.unsealed')}>{status.unsealed}</Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.head')}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {status.lastHash}
              </Typography.Text>
            </Descriptions.Item>
            {status.broken && (
              <Descriptions.Item label={t('audit.chain.firstBroken')} span="filled">
                {t('audit.chain.brokenAt', {
                  id: status.broken.id,
                  seq: status.broken.seq ?? '—',
                  reason: status.broken.reason,
                })}
              </Descriptions.Item>
            )}
          </Descriptions>
        </>
      )}
    </Card>
  );
}
