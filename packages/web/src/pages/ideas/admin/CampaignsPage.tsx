import { Button, Drawer, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { emptyUnlessFailed } from '../../../components/LoadFailed';
import { period } from '../../../components/phrases';
import { RowActionButton } from '../../../components/rowActions';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useCount, useLoad } from '../shared';
import { CampaignForm } from './CampaignForm';
import { type CampaignSummary, valuesOf } from './campaignValues';
import { ExtendPeriod } from './ExtendPeriod';

/** A new campaign (copied from the current one) or the campaign being edited. */
type Editing = { campaign: CampaignSummary | null } | null;

/** The office sets up campaigns: theme, period, domains, channels, rubric, list sizes. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const count = useCount();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [editing, setEditing] = useState<Editing>(null);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/campaigns')),
    ['campaigns'],
  );
  const current = data?.items.find((c) => c.isCurrent);

  // Each page reads the current campaign when it opens, so reloading this list is all it takes.
  const makeCurrent = async (id: string) => {
    try {
      unwrap(await api.POST('/api/v1/ideas/campaigns/{id}/make-current', { params: { path: { id } } }));
      void message.success(t('ideas.campaigns.madeCurrent'));
      void reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const saved = () => {
    setEditing(null);
    void reload();
  };

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('ideas.campaigns.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('ideas.campaigns.intro')}</Typography.Text>
      </div>
      {data?.actions.create && (
        <div>
          <Button type="primary" onClick={() => setEditing({ campaign: null })} data-testid="campaign-create">
            {t('ideas.campaigns.create')}
          </Button>
        </div>
      )}
      <Table<CampaignSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: emptyUnlessFailed({ failed, reload }) }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('ideas.campaigns.code'), dataIndex: 'code' },
          { title: t('ideas.campaigns.theme'), dataIndex: 'theme' },
          {
            title: t('ideas.campaigns.period'),
            key: 'period',
            render: (_, c) => period(t, c.startsOn, c.endsOn),
          },
          {
            title: t('ideas.campaigns.state'),
            dataIndex: 'isCurrent',
            render: (isCurrent: boolean) =>
              isCurrent ? <Tag color="green">{t('ideas.campaigns.current')}</Tag> : null,
          },
          {
            title: t('ideas.campaigns.suggestions'),
            dataIndex: 'suggestions',
            align: 'right',
            render: count,
          },
          {
            title: t('ideas.campaigns.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, c) => (
              <Space wrap>
                {c.actions.edit && (
                  <RowActionButton
                    onClick={() => setEditing({ campaign: c })}
                    data-testid={`campaign-edit-${c.code}`}
                    action={t('ideas.campaigns.edit')}
                    row={c.theme}
                  />
                )}
                {c.actions.edit && <ExtendPeriod campaign={c} onDone={() => void reload()} />}
                {c.actions.makeCurrent && (
                  <Popconfirm
                    title={t('ideas.campaigns.makeCurrentConfirm', { theme: c.theme })}
                    onConfirm={() => makeCurrent(c.id)}
                  >
                    <RowActionButton
                      data-testid={`campaign-current-${c.code}`}
                      action={t('ideas.campaigns.makeCurrent')}
                      row={c.theme}
                    />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.campaign
            ? t('ideas.campaigns.editTitle', { code: editing.campaign.code })
            : t('ideas.campaigns.create')
        }
        size="min(760px, 100vw)"
        destroyOnHidden
      >
        {editing && (
          <CampaignForm
            id={editing.campaign?.id}
            initial={valuesOf(editing.campaign ?? current, editing.campaign === null)}
            onSaved={saved}
          />
        )}
      </Drawer>
    </Flex>
  );
}
