import { Alert, Button, Card, Descriptions, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { AuditChainStatus } from '../../api/types';
import { useProblemHandler } from '../../components/useProblemHandler';

/** What is wrong, worded in the reader's language; the server's own sentences follow as details. */
function Findings({ status }: { status: AuditChainStatus }) {
  const { t } = useTranslation();
  const items = [
    ...status.heads
      .filter((h) => !h.found)
      .map((h) => t('audit.chain.headMissed', { seq: h.seq ?? '—', hash: h.hash.slice(0, 16) })),
    ...status.late
      .filter((e) => !e.accepted)
      .map((e) =>
        t(e.seq === null ? 'audit.chain.refused' : 'audit.chain.lateSealed', { id: e.id, at: e.at }),
      ),
  ];
  return (
    <>
      {items.length > 0 && (
        <ul style={{ margin: '0 0 8px', paddingInlineStart: 20 }}>
          {items.map((text, i) => (
            // Two checkpoints of quiet days can read alike; their place tells them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on each check
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('audit.chain.details')}</summary>
        <ul style={{ margin: 0, paddingInlineStart: 20, wordBreak: 'break-all' }}>
          {status.problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on each check
            <li key={i}>{p}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

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
            description={status.ok ? undefined : <Findings status={status} />}
            style={{ marginBottom: 12 }}
          />
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('audit.chain.sealed')}>{status.sealed}</Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.unsealed')}>{status.unsealed}</Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.checkpoints')}>
              <Link to="/audit/checkpoints">
                {t('audit.chain.checkpointsFound', {
                  found: status.heads.filter((h) => h.found).length,
                  total: status.heads.length,
                })}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.head')} span="filled">
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {`${status.lastSeq}:${status.lastHash}`}
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
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('audit.chain.recordHead')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
