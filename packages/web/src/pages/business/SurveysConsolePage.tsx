import { Button, Drawer, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { period } from '../../components/phrases';
import { RowActionButton } from '../../components/rowActions';
import { useLoad } from '../../components/useLoad';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import { SurveyEndButton } from './SurveyEndButton';
import { SurveyFormModal } from './SurveyFormModal';
import { SurveyResultsView } from './SurveyResultsView';

type Brief = components['schemas']['BusinessSurveyBrief'];
type Survey = components['schemas']['BusinessSurvey'];

const statusColor = { draft: 'default', open: 'blue', closed: 'green' } as const;

/** 千企万众评效能: the district office drafts, opens and closes surveys; it and the commission read results. */
export function SurveysConsolePage() {
  const { t } = useTranslation();
  const api = useApi();
  const { can } = useSession();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const manage = can('survey.manage');
  const [editing, setEditing] = useState<Survey | 'new' | null>(null);
  const [showing, setShowing] = useState<string | null>(null);
  const list = useLoad(async () => unwrap(await api.GET('/api/v1/business/surveys')), []);
  const results = useLoad(
    async () =>
      showing
        ? unwrap(
            await api.GET('/api/v1/business/surveys/{id}/results', { params: { path: { id: showing } } }),
          )
        : null,
    [showing],
  );
  const path = (id: string) => ({ params: { path: { id } } });
  const edit = async (id: string) => {
    try {
      setEditing(unwrap(await api.GET('/api/v1/business/surveys/{id}', path(id))));
    } catch (error) {
      onProblem(error);
    }
  };
  const step = async (id: string, to: 'open' | 'close') => {
    try {
      if (to === 'open') unwrap(await api.POST('/api/v1/business/surveys/{id}/open', path(id)));
      else unwrap(await api.POST('/api/v1/business/surveys/{id}/close', path(id)));
      void message.success(t(to === 'open' ? 'business.surveys.opened' : 'business.surveys.closed'));
      void list.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Flex vertical gap={16}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('business.surveys.title')}
        </Typography.Title>
        {manage && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="survey-new">
            {t('business.surveys.new')}
          </Button>
        )}
      </Space>
      <Table<Brief>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        // On a phone the table scrolls within itself; the page never scrolls sideways.
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: emptyUnlessFailed(list, t('business.surveys.none')) }}
        data-testid="surveys-table"
        columns={[
          { title: t('business.surveys.fields.title'), dataIndex: 'title' },
          {
            title: t('business.surveys.fields.period'),
            key: 'period',
            render: (_, s) => period(t, s.opensOn, s.closesOn),
          },
          {
            title: t('business.surveys.fields.audience'),
            key: 'audience',
            render: (_, s) => t(`business.surveys.audience.${s.audience}`),
          },
          {
            title: t('business.surveys.fields.status'),
            key: 'status',
            render: (_, s) => (
              <Tag color={statusColor[s.status]}>{t(`business.surveys.status.${s.status}`)}</Tag>
            ),
          },
          { title: t('business.surveys.fields.departments'), dataIndex: 'departments' },
          {
            title: t('business.surveys.fields.answers'),
            key: 'n',
            render: (_, s) =>
              t('business.surveys.sample', { n: s.firms + s.public, firms: s.firms, public: s.public }),
          },
          {
            title: '',
            key: 'actions',
            fixed: 'right',
            render: (_, s) => (
              <Space wrap size={4}>
                {manage && s.status === 'draft' && (
                  <>
                    <RowActionButton
                      onClick={() => void edit(s.id)}
                      action={t('business.surveys.edit')}
                      row={s.title}
                    />
                    <Popconfirm
                      title={t('business.surveys.confirmOpen')}
                      onConfirm={() => step(s.id, 'open')}
                    >
                      <RowActionButton type="primary" action={t('business.surveys.open')} row={s.title} />
                    </Popconfirm>
                  </>
                )}
                {manage && s.status === 'open' && (
                  <SurveyEndButton survey={s} onSaved={() => void list.reload()} />
                )}
                {manage && s.status === 'open' && (
                  <Popconfirm
                    title={t('business.surveys.confirmClose')}
                    onConfirm={() => step(s.id, 'close')}
                  >
                    <RowActionButton action={t('business.surveys.close')} row={s.title} />
                  </Popconfirm>
                )}
                {s.status !== 'draft' && (
                  <RowActionButton
                    onClick={() => setShowing(s.id)}
                    action={t('business.surveys.results')}
                    row={s.title}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <SurveyFormModal
          survey={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('business.surveys.saved'));
            void list.reload();
          }}
        />
      )}
      <Drawer
        open={showing !== null}
        onClose={() => setShowing(null)}
        width={820}
        title={results.data?.survey.title ?? t('business.surveys.results')}
      >
        {results.data && <SurveyResultsView results={results.data} />}
      </Drawer>
    </Flex>
  );
}
