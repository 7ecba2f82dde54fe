import { Empty, Flex, Grid, Input, Pagination, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { useLoad } from './shared';

const pageSize = 10;

/** The public case library (可复制可推广经验): search by Chinese words, one column on a phone. */
export function PublicCasesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  // The query and page live in the address, so a search can be shared and the back button works.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/public/reforms/cases', {
          params: { query: { q: q || undefined, page, pageSize } },
        }),
      ),
    [q, page],
  );
  return (
    <Flex vertical gap={16}>
      <Link to="/reforms">{t('reforms.public.back')}</Link>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 4 }}>
          {t('reforms.cases.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('reforms.cases.intro')}</Typography.Text>
      </div>
      <search>
        <Input.Search
          aria-label={t('reforms.cases.search')}
          placeholder={t('reforms.cases.searchPlaceholder')}
          defaultValue={q}
          key={q}
          maxLength={50}
          allowClear
          enterButton={t('reforms.cases.search')}
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        />
      </search>
      <Typography.Text type="secondary" role="status" data-testid="reform-cases-found">
        {data ? t('reforms.cases.found', { count: data.total }) : ''}
      </Typography.Text>
      <Flex vertical data-loading={loading || undefined}>
        {(data?.items ?? []).map((c) => (
          <article
            key={c.id}
            data-testid="reform-case"
            style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Typography.Title level={screens.md ? 3 : 5} style={{ margin: 0 }}>
              <Link to={`/reforms/cases/${c.id}`}>{c.title}</Link>
            </Typography.Title>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
              {c.summary}
            </Typography.Paragraph>
            <Flex gap={4} wrap>
              <Typography.Text type="secondary">{c.leadUnit}</Typography.Text>
              {c.adoptedIn.map((place) => (
                <Tag key={place}>{place}</Tag>
              ))}
            </Flex>
          </article>
        ))}
        {data?.items.length === 0 && <Empty description={t('reforms.cases.empty')} />}
        {failed && !loading && <LoadFailed onRetry={() => void reload()} />}
      </Flex>
      <Pagination
        current={page}
        pageSize={pageSize}
        total={data?.total ?? 0}
        onChange={(p) => setParams(q ? { q, page: String(p) } : { page: String(p) })}
        size="small"
        showSizeChanger={false}
        align="center"
      />
    </Flex>
  );
}
