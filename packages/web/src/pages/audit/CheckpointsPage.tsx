import { Button, Card, Descriptions, Empty, Flex, Grid, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { AuditCheckpoints } from '../../api/types';
import { momentInChina } from '../../components/dayInChina';
import { saveBlob } from '../../components/download';
import { LoadFailed } from '../../components/LoadFailed';
import { useLoad } from '../../components/useLoad';

type Checkpoint = AuditCheckpoints['checkpoints'][number];

const breakAll = { wordBreak: 'break-all' } as const;

/** The file people keep: exactly what the API published, so verify-audit reads it back. */
function downloadFile(file: AuditCheckpoints) {
  const last = file.checkpoints.at(-1)?.day ?? 'none';
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  saveBlob(blob, `qianxing-audit-checkpoints-${last}.json`);
}

function KeyCard({ keyId, publicKey }: AuditCheckpoints['keys'][number]) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('audit.checkpoints.key', { keyId })}>
      <Typography.Paragraph copyable={{ text: publicKey }} style={{ margin: 0 }}>
        <pre style={{ margin: 0, whiteSpace: 'pre-wrap', ...breakAll, fontSize: 12 }}>{publicKey}</pre>
      </Typography.Paragraph>
      <Button
        size="small"
        style={{ marginTop: 8 }}
        onClick={() =>
          saveBlob(
            new Blob([publicKey], { type: 'application/x-pem-file' }),
            `qianxing-audit-key-${keyId}.pem`,
          )
        }
      >
        {t('audit.checkpoints.downloadKey')}
      </Button>
    </Card>
  );
}

function CheckpointItem({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const time = momentInChina(checkpoint.at);
  return (
    <List.Item data-testid="checkpoint">
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {checkpoint.day}
        </Typography.Title>
        <Descriptions size="small" column={1} colon={false}>
          <Descriptions.Item label={t('audit.checkpoints.seq')}>{checkpoint.seq}</Descriptions.Item>
          <Descriptions.Item label={t('audit.checkpoints.hash')}>
            <Typography.Text code copyable style={breakAll}>
              {checkpoint.hash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.checkpoints.at')}>{time}</Descriptions.Item>
          <Descriptions.Item label={t('audit.checkpoints.signedBy')}>
            <Typography.Text style={breakAll}>{checkpoint.keyId}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Flex>
    </List.Item>
  );
}

/**
 * The public list of the audit chain's signed daily checkpoints. Anyone, the discipline
 * commission first, may download it and later check the chain against their copy: a chain
 * rewritten after a checkpoint no longer passes through it.
 */
export function CheckpointsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/audit/checkpoints')),
    ['audit-checkpoints'],
  );
  const newestFirst = [...(data?.checkpoints ?? [])].reverse();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 8 }}>
          {t('audit.checkpoints.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('audit.checkpoints.intro')}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('audit.checkpoints.howToCheck')}{' '}
          <Typography.Text code style={breakAll}>
            qianxing verify-audit --checkpoints FILE --public-key KEY.pem
          </Typography.Text>
        </Typography.Paragraph>
        <Button type="primary" disabled={!data} onClick={() => data && downloadFile(data)}>
          {t('audit.checkpoints.download')}
        </Button>
      </div>
      {loading && !data ? (
        <Skeleton active />
      ) : failed && !data ? (
        // Not an empty list: no key and no checkpoint would read as a chain never signed.
        <LoadFailed onRetry={() => void reload()} />
      ) : (
        <>
          <section aria-labelledby="checkpoint-keys">
            <Typography.Title level={2} id="checkpoint-keys" style={{ fontSize: 18 }}>
              {t('audit.checkpoints.keys')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('audit.checkpoints.keysHint')}</Typography.Paragraph>
            <Flex vertical gap={8}>
              {(data?.keys ?? []).map((k) => (
                <KeyCard key={k.keyId} {...k} />
              ))}
            </Flex>
          </section>
          <section aria-labelledby="checkpoint-list">
            <Typography.Title level={2} id="checkpoint-list" style={{ fontSize: 18 }}>
              {t('audit.checkpoints.list', { count: newestFirst.length })}
            </Typography.Title>
            {newestFirst.length === 0 ? (
              <Empty description={t('audit.checkpoints.none')} />
            ) : (
              <List
                dataSource={newestFirst}
                rowKey="day"
                pagination={newestFirst.length > 30 ? { pageSize: 30, size: 'small' } : false}
                renderItem={(c) => <CheckpointItem checkpoint={c} />}
              />
            )}
          </section>
        </>
      )}
    </Flex>
  );
}
