import { Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { FIXED_PAGE_SIZE, fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { withNote } from '../../components/phrases';
import { rowAction } from '../../components/rowActions';
import { type InspectionRectification, useLoad, when } from './shared';
import { rectificationName, VerifyRectification } from './VerifyRectification';
import { cameFrom } from './visitBack';

type Row = InspectionRectification;

/**
 * 待我验收的整改: the rectifications the firms reported done on the items of the reader's own
 * departments, oldest report first, each with its visit to open (the finding, the report, the
 * photos) and the acceptance or return.
 */
export function VerifyListPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [page, setPage] = useState(1);
  const found = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/inspections/rectifications', {
          params: { query: { state: 'reported', scope: 'toVerify', page, pageSize: FIXED_PAGE_SIZE } },
        }),
      ),
    [page],
  );
  const { data, loading } = found;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('inspections.verifyList.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('inspections.verifyList.intro')}</Typography.Text>
      </div>
      <Card size="small">
        <Table<Row>
          size="small"
          loading={loading}
          locale={{ emptyText: emptyUnlessFailed(found, t('inspections.verifyList.empty')) }}
          rowKey="findingId"
          dataSource={data?.items ?? []}
          scroll={{ x: true }}
          pagination={fixedPaging({ page, total: data?.total ?? 0, onChange: setPage })}
          columns={[
            { title: t('inspections.plans.firm'), dataIndex: 'firm' },
            { title: t('inspections.plans.date'), dataIndex: 'date' },
            {
              title: t('inspections.plans.items'),
              key: 'item',
              render: (_, r) => withNote(t, r.item, r.unit),
            },
            { title: t('inspections.visits.requirement'), dataIndex: 'requirement' },
            {
              title: t('inspections.verifyList.reportedAt'),
              key: 'reported',
              render: (_, r) => (
                <Flex vertical gap={2}>
                  <span>{when(r.rectifiedAt)}</span>
                  {r.rectificationNote && <Typography.Text>{r.rectificationNote}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: t('inspections.followUp.stage'),
              key: 'verify',
              render: (_, r) => (
                <Flex vertical gap={4}>
                  <Link
                    to={`/inspections/visits/${r.visitId}`}
                    state={cameFrom('/admin/inspections/verify')}
                    data-testid="verify-open-visit"
                    aria-label={rowAction(t, t('inspections.verifyList.open'), rectificationName(r))}
                  >
                    {t('inspections.verifyList.open')}
                  </Link>
                  <VerifyRectification row={r} onDone={() => void found.reload()} />
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
