import { Flex, Input, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../../api/schema';
import { emptyUnlessFailed } from '../../../components/LoadFailed';
import { NewTabHint } from '../../../components/NewTabHint';
import { domainLabel } from '../shared';

type Page = components['schemas']['ShortlistPage'];
type Item = components['schemas']['ShortlistItem'];
const views = ['all', 'proposed', 'shortlisted', 'differs'] as const;

export interface ShortlistFilter {
  view: (typeof views)[number];
  domain?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const reasonColor = { proposed: 'green', over_quota: 'default', same_group: 'blue' } as const;

/** The accepted suggestions with the proposal's verdict and a switch for the shortlist. */
export function ShortlistTable({
  data,
  loading,
  filter,
  onFilter,
  onToggle,
  load,
}: {
  data: Page;
  loading: boolean;
  /** The list's load: when it failed, the table says so in place of the rows of another filter. */
  load?: { failed: boolean; reload(): Promise<void> };
  filter: ShortlistFilter;
  onFilter(f: ShortlistFilter): void;
  onToggle(id: string, on: boolean): Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8}>
        <Select
          aria-label={t('ideas.shortlist.viewLabel')}
          style={{ minWidth: 180 }}
          value={filter.view}
          onChange={(view) => onFilter({ ...filter, view, page: 1 })}
          options={views.map((v) => ({ value: v, label: t(`ideas.shortlist.view.${v}`) }))}
          data-testid="shortlist-view"
        />
        <Select
          aria-label={t('ideas.shortlist.domainFilter')}
          style={{ minWidth: 160 }}
          value={filter.domain ?? ''}
          onChange={(domain) => onFilter({ ...filter, domain: domain || undefined, page: 1 })}
          options={[
            { value: '', label: t('ideas.shortlist.allDomains') },
            ...data.domains.map((d) => ({ value: d.code, label: domainLabel(t, d.code, d.name) })),
          ]}
        />
        <Input.Search
          allowClear
          aria-label={t('ideas.shortlist.search')}
          placeholder={t('ideas.shortlist.search')}
          style={{ maxWidth: 280 }}
          onSearch={(q) => onFilter({ ...filter, q: q.trim() || undefined, page: 1 })}
          data-testid="shortlist-search"
        />
      </Flex>
      <Table<Item>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={load?.failed ? [] : data.items}
        locale={load ? { emptyText: emptyUnlessFailed(load) } : undefined}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: load?.failed ? 0 : data.total,
          showSizeChanger: true,
          onChange: (page, pageSize) => onFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          {
            title: t('ideas.shortlist.col.shortlisted'),
            dataIndex: 'shortlisted',
            render: (on: boolean, i) => (
              <Switch
                checked={on}
                disabled={!i.actions.toggle}
                aria-label={t('ideas.shortlist.toggle', { title: i.title })}
                onChange={(next) => onToggle(i.id, next)}
                data-testid={`shortlist-toggle-${i.id}`}
              />
            ),
          },
          {
            title: t('ideas.shortlist.col.title'),
            dataIndex: 'title',
            render: (title: string, i) => (
              <Flex vertical>
                <Link to={`/ideas/${i.id}`} target="_blank">
                  {title}
                  <NewTabHint />
                </Link>
                {i.representative && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('ideas.shortlist.representedBy', { title: i.representative.title })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('ideas.shortlist.col.domain'),
            dataIndex: 'domain',
            render: (code: string, i) => (
              <Tooltip
                title={
                  i.domainConfirmed
                    ? t('ideas.shortlist.classifier.confirmed')
                    : t('ideas.shortlist.classifier.machine', {
                        confidence: Math.round(i.domainConfidence * 100),
                      })
                }
              >
                <Tag color={i.domainConfirmed ? 'blue' : undefined}>{domainLabel(t, code, i.domainName)}</Tag>
              </Tooltip>
            ),
          },
          { title: t('ideas.shortlist.col.town'), dataIndex: 'townName' },
          { title: t('ideas.shortlist.col.supports'), dataIndex: 'supports', align: 'right' },
          { title: t('ideas.shortlist.col.heat'), dataIndex: 'groupHeat', align: 'right' },
          {
            title: t('ideas.shortlist.col.group'),
            dataIndex: 'groupSize',
            align: 'right',
            render: (count: number) => t('ideas.shortlist.groupCount', { count }),
          },
          {
            title: t('ideas.shortlist.col.proposal'),
            dataIndex: 'reason',
            render: (reason: Item['reason'], i) => (
              <Tag color={reasonColor[reason]}>{t(`ideas.shortlist.reason.${reason}`, { rank: i.rank })}</Tag>
            ),
          },
          {
            title: t('ideas.shortlist.col.reviews'),
            key: 'reviews',
            render: (_: unknown, i) => `${i.reviewsDone}/${i.reviewsAssigned}`,
          },
        ]}
      />
    </Flex>
  );
}
