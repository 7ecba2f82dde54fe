import { Button, Drawer, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { emptyUnlessFailed } from '../../../components/LoadFailed';
import { useDownload } from '../../../components/useDownload';
import { useLoad } from '../../../components/useLoad';
import { ProjectDrawer } from './ProjectDrawer';
import { ProjectFormModal } from './ProjectFormModal';
import { ProjectSettingsButton } from './ProjectSettingsButton';
import { type Chain, chainLabel, type Project, type Stage, stages, yi } from './shared';

/**
 * 招商引资项目: the signed projects the reader may see, with their stage, chain, commissioner and
 * a stalled flag; a drawer records stages and funds, the office files and edits projects.
 */
export function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [q, setQ] = useState<string | undefined>();
  const [chainCode, setChain] = useState<string | undefined>();
  const [stage, setStage] = useState<Stage | undefined>();
  const [stalled, setStalled] = useState<'true' | undefined>();
  const [shown, setShown] = useState<string | null>(null);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const { data, loading, failed } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/business/projects', { params: { query: { q, chainCode, stage, stalled } } }),
      ),
    [q, chainCode, stage, stalled, version],
  );
  const { data: chains } = useLoad(
    async () => unwrap(await api.GET('/api/v1/business/industrial-chains')),
    [version],
  );
  const chainName = (code: string, fallback: string) => {
    const c = chains?.find((x: Chain) => x.code === code);
    return c ? chainLabel(c, i18n.language) : fallback;
  };
  const reload = () => setVersion((v) => v + 1);
  const exported = useDownload(
    () =>
      api.GET('/api/v1/business/projects/export', {
        params: { query: { q, chainCode, stage, stalled } },
        parseAs: 'blob',
      }),
    'investment-projects.xlsx',
  );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('business.projects.title')}</Typography.Title>
        <Typography.Text type="secondary">
          {t('business.projects.intro', { date: data?.asOf ?? '' })}
        </Typography.Text>
      </div>
      <Space wrap>
        <Input.Search
          allowClear
          aria-label={t('business.projects.search')}
          placeholder={t('business.projects.search')}
          style={{ width: 220 }}
          onSearch={(v) => setQ(v.trim() || undefined)}
          data-testid="projects-search"
        />
        <Select
          allowClear
          aria-label={t('business.projects.chain')}
          placeholder={t('business.projects.chain')}
          style={{ width: 180 }}
          value={chainCode}
          onChange={setChain}
          options={(chains ?? []).map((c) => ({ value: c.code, label: chainLabel(c, i18n.language) }))}
        />
        <Select
          allowClear
          aria-label={t('business.projects.stage')}
          placeholder={t('business.projects.stage')}
          style={{ width: 140 }}
          value={stage}
          onChange={setStage}
          options={stages.map((s) => ({ value: s, label: t(`business.projects.stages.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t('business.projects.stalledOnly')}
          placeholder={t('business.projects.stalledOnly')}
          style={{ width: 160 }}
          value={stalled}
          onChange={setStalled}
          options={[{ value: 'true', label: t('business.projects.stalledOnly') }]}
          data-testid="projects-stalled-filter"
        />
        <Button onClick={exported.download} loading={exported.busy} data-testid="projects-export">
          {t('business.excel.export')}
        </Button>
        {data?.actions.create && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="project-new">
            {t('business.projects.new')}
          </Button>
        )}
        {data?.actions.configure && <ProjectSettingsButton onSaved={reload} />}
      </Space>
      <Table<Project>
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="projects-table"
        columns={[
          {
            title: t('business.projects.name'),
            key: 'name',
            // The project's name opens it: it stays in view while the figures scroll.
            fixed: 'left',
            render: (_, p) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setShown(p.id)}>
                {p.name}
              </Button>
            ),
          },
          { title: t('business.projects.investor'), dataIndex: 'investor' },
          { title: t('business.projects.amountYi'), key: 'amount', render: (_, p) => yi(p.amount) },
          {
            title: t('business.projects.chain'),
            key: 'chain',
            render: (_, p) => chainName(p.chainCode, p.chainName),
          },
          { title: t('business.projects.commissioner'), dataIndex: 'commissionerName' },
          { title: t('business.projects.signedOn'), dataIndex: 'signedOn' },
          {
            title: t('business.projects.stage'),
            key: 'stage',
            render: (_, p) => (
              <Space size={4} wrap>
                <Tag>{t(`business.projects.stages.${p.stage}`)}</Tag>
                {p.stalled && (
                  <Tag color="red" data-testid="project-stalled">
                    {t('business.projects.stalled', {
                      days: p.stalled.days,
                      count: p.stalled.days,
                      stage: t(`business.projects.stages.${p.stalled.waitingFor}`),
                    })}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('business.projects.landingDays'),
            key: 'landing',
            render: (_, p) => (p.landingDays === null ? '—' : p.landingDays),
          },
          { title: t('business.projects.fundsYi'), key: 'funds', render: (_, p) => yi(p.fundsInPlace) },
        ]}
      />
      <Drawer
        open={shown !== null}
        onClose={() => setShown(null)}
        title={data?.items.find((p) => p.id === shown)?.name ?? t('business.projects.title')}
        size={600}
      >
        {shown && <ProjectDrawer id={shown} onChange={reload} onEdit={setEditing} />}
      </Drawer>
      {editing !== null && (
        <ProjectFormModal
          project={editing === 'new' ? null : editing}
          chains={chains ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Flex>
  );
}
