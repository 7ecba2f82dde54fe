import { Alert, Card, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayInChina } from '../../components/dayInChina';
import { percent, type ReformReport } from './shared';

type Item = ReformReport['removedItems'][number];

/**
 * What a report said of milestones the reform office removed since: kept and shown, marked as of
 * a removed milestone and no longer counted, so a lead unit reopening a returned report never
 * finds its words gone without a trace.
 */
export function RemovedItems({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Card size="small" title={t('reforms.report.removedTitle')} data-testid="report-removed-items">
      <Flex vertical gap={8}>
        <Alert type="warning" showIcon title={t('reforms.report.removedHint')} />
        <Table<Item>
          rowKey="milestoneId"
          size="small"
          pagination={false}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('reforms.report.milestone'),
              key: 'name',
              render: (_, x) => (
                <Flex gap={4} wrap align="center">
                  <Tag>{t('reforms.report.removedTag')}</Tag>
                  <s>{x.milestoneName}</s>
                </Flex>
              ),
            },
            { title: t('reforms.report.dueDate'), dataIndex: 'dueDate' },
            { title: t('reforms.report.done'), key: 'done', render: (_, x) => `${percent(x.done)}%` },
            { title: t('reforms.report.note'), dataIndex: 'note', render: (note: string) => note || '—' },
            {
              title: t('reforms.report.removedOn'),
              key: 'removedAt',
              render: (_, x) => dayInChina(x.removedAt),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
