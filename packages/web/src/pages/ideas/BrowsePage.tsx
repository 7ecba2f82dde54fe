import { Card, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { excerpt, Highlighted } from './Highlighted';
import {
  domainLabel,
  domainName,
  formatDate,
  type SuggestionStatus,
  statusColor,
  suggestionStatuses,
  useCampaign,
  useLoad,
  useTowns,
} from './shared';

const PAGE_SIZE = 10;

/** Browse and search the public suggestions, paged by the server. */
export function BrowsePage() {
  const { t } = useTranslation();
  const api = useApi();
  const campaign = useCampaign();
  const { towns, nameOf } = useTowns();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const query = {
    q: params.get('q') || undefined,
    domain: params.get('domain') || undefined,
    townId: params.get('townId') || undefined,
    status: (params.get('status') || undefined) as SuggestionStatus | undefined,
    sort: params.get('sort') === 'newest' ? ('newest' as const) : undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: PAGE_SIZE,
  };
  const { data, loading } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/suggestions', { params: { query } })),
    [query],
  );
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('ideas.browse.title')}
      </Typography.Title>
      <Space wrap>
        <Input.Search
          aria-label={t('ideas.browse.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set('q', v.trim())}
          placeholder={t('ideas.browse.search')}
          allowClear
          style={{ width: 240, maxWidth: '100%' }}
          data-testid="ideas-search"
        />
        <Select
          aria-label={t('ideas.fields.domain')}
          allowClear
          placeholder={t('ideas.fields.domain')}
          value={query.domain}
          onChange={(v) => set('domain', v)}
          style={{ width: 140 }}
          options={(campaign?.domains ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
        <Select
          aria-label={t('ideas.fields.town')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('ideas.fields.town')}
          value={query.townId}
          onChange={(v) => set('townId', v)}
          style={{ width: 140 }}
          options={towns.map((u) => ({ value: u.id, label: u.name }))}
        />
        <Select
          aria-label={t('ideas.fields.status')}
          allowClear
          placeholder={t('ideas.fields.status')}
          value={query.status}
          onChange={(v) => set('status', v)}
          style={{ width: 120 }}
          options={suggestionStatuses.map((s) => ({ value: s, label: t(`ideas.status.${s}`) }))}
        />
        {query.q && (
          <Select
            aria-label={t('ideas.browse.sort')}
            value={query.sort ?? 'relevance'}
            onChange={(v) => set('sort', v === 'newest' ? v : undefined)}
            style={{ width: 140 }}
            data-testid="ideas-sort"
            options={(['relevance', 'newest'] as const).map((v) => ({
              value: v,
              label: t(`ideas.browse.sorts.${v}`),
            }))}
          />
        )}
      </Space>
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{
          current: query.page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          size: 'small',
          onChange: (page) => set('page', String(page)),
        }}
        renderItem={(s) => {
          const body = excerpt(s.body, s.highlights?.body);
          return (
            <List.Item>
              <Card size="small" style={{ width: '100%' }}>
                <Link to={`/ideas/${s.id}`}>
                  <Typography.Text strong>
                    <Highlighted text={s.title} ranges={s.highlights?.title} />
                  </Typography.Text>
                </Link>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
                  <Highlighted text={body.text} ranges={body.ranges} />
                </Typography.Paragraph>
                <Space wrap size={4}>
                  <Tag color={statusColor[s.status]}>{t(`ideas.status.${s.status}`)}</Tag>
                  <Tag>{domainLabel(t, s.domain, domainName(campaign, s.domain))}</Tag>
                  <Tag>{nameOf.get(s.townId) ?? ''}</Tag>
                  <Typography.Text type="secondary">
                    {t('ideas.browse.supports', { count: s.supports })} · {formatDate(s.createdAt)}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          );
        }}
      />
    </Flex>
  );
}
