import { Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { fixedPaging } from '../../../components/fixedPaging';
import { emptyUnlessFailed } from '../../../components/LoadFailed';
import { listed, period } from '../../../components/phrases';
import { useLoad } from '../shared';
import { type StudyVisitSummary, visitStatusColor, yieldCounts } from './shared';
import { VisitFormModal } from './VisitFormModal';

/** The study visits, newest trip first, with what each brought back. */
export function VisitsTab() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [creating, setCreating] = useState(false);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/study/visits')),
    [],
  );
  return (
    <Flex vertical gap={16}>
      {data?.actions.create && (
        <div>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('reforms.learning.planVisit')}
          </Button>
        </div>
      )}
      <Table<StudyVisitSummary>
        rowKey="id"
        size="small"
        loading={loading}
        // A failed load says so where the rows would be, never as an empty list.
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        dataSource={data?.items ?? []}
        pagination={{ ...fixedPaging(), hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('reforms.learning.visitTitle'),
            key: 'title',
            render: (_, v) => <Link to={`/admin/reforms/learning/visits/${v.id}`}>{v.title}</Link>,
          },
          { title: t('reforms.learning.unit'), dataIndex: 'unitName' },
          {
            title: t('reforms.learning.destinations'),
            key: 'destinations',
            render: (_, v) => listed(t, v.destinations),
          },
          {
            title: t('reforms.learning.dates'),
            key: 'dates',
            render: (_, v) => period(t, v.startDate, v.endDate),
          },
          {
            title: t('reforms.learning.status'),
            key: 'status',
            render: (_, v) => (
              <Tag color={visitStatusColor[v.status]}>{t(`reforms.learning.statuses.${v.status}`)}</Tag>
            ),
          },
          {
            title: t('reforms.learning.yield'),
            key: 'yield',
            render: (_, v) =>
              t(
                'reforms.learning.counts',
                yieldCounts(t, {
                  members: v.memberCount,
                  practices: v.practiceCount,
                  insights: v.insightCount,
                  reports: v.hasReport ? 1 : 0,
                }),
              ),
          },
        ]}
      />
      {creating && (
        <VisitFormModal
          visit={null}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            void message.success(t('reforms.learning.saved'));
            void navigate(`/admin/reforms/learning/visits/${id}`);
          }}
        />
      )}
    </Flex>
  );
}
