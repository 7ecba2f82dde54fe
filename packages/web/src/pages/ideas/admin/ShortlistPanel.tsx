import { Button, Card, Col, Flex, Popconfirm, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { Chart } from '../../../components/Chart';
import { useFeedback } from '../../../components/Feedback';
import { LoadFailed } from '../../../components/LoadFailed';
import { useDownload } from '../../../components/useDownload';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { domainLabel, useLoad } from '../shared';
import { ShortlistQuotaForm } from './ShortlistQuotaForm';
import { type ShortlistFilter, ShortlistTable } from './ShortlistTable';

export type ShortlistPage = components['schemas']['ShortlistPage'];
type Change = components['schemas']['ShortlistChange'];

/**
 * The shortlist (入围) the experts review: the proposal by heat and quota beside the list itself,
 * applied in one step by the office and edited by hand within each organiser's towns.
 */
export function ShortlistPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [filter, setFilter] = useState<ShortlistFilter>({ view: 'all', page: 1, pageSize: 20 });
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/shortlist', { params: { query: filter } })),
    ['shortlist', filter],
  );
  const { download, busy: exporting } = useDownload(
    () => api.GET('/api/v1/ideas/shortlist/export', { parseAs: 'blob' }),
    'shortlist.xlsx',
  );
  const changed = (c: Change) => {
    void message.success(t('ideas.shortlist.changed', c));
    void reload();
  };
  const apply = async (replace: boolean) => {
    try {
      changed(unwrap(await api.POST('/api/v1/ideas/shortlist/apply', { body: { replace } })));
    } catch (error) {
      onProblem(error);
    }
  };
  const edit = async (body: { add: string[]; remove: string[] }) => {
    try {
      changed(unwrap(await api.POST('/api/v1/ideas/shortlist/edit', { body })));
    } catch (error) {
      onProblem(error);
    }
  };
  if (!data && failed && !loading) return <LoadFailed onRetry={() => void reload()} />;
  if (!data)
    return (
      <Flex vertical gap={8} data-testid="shortlist-loading">
        <Typography.Text type="secondary">{t('ideas.shortlist.loading')}</Typography.Text>
        <Skeleton active />
      </Flex>
    );
  const names = data.domains.map((d) => domainLabel(t, d.code, d.name));
  const byDomain = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('ideas.shortlist.proposed'), type: 'bar', data: data.domains.map((d) => d.proposed) },
      { name: t('ideas.shortlist.shortlisted'), type: 'bar', data: data.domains.map((d) => d.shortlisted) },
    ],
  };
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('ideas.shortlist.intro')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Statistic title={t('ideas.shortlist.accepted')} value={data.accepted} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('ideas.shortlist.proposed')} value={data.proposed} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('ideas.shortlist.shortlisted')}
            value={data.shortlisted}
            data-testid="shortlist-count"
          />
        </Col>
      </Row>
      <Card size="small" title={t('ideas.shortlist.byDomain')}>
        <Chart option={byDomain} height={240} ariaLabel={t('ideas.shortlist.byDomain')} />
      </Card>
      {data.actions.setQuota && (
        <ShortlistQuotaForm
          domains={data.domains}
          quota={data.quota}
          onSaved={() => {
            void message.success(t('ideas.shortlist.quotaSaved'));
            void reload();
          }}
        />
      )}
      <Space wrap>
        {data.actions.apply && (
          <Popconfirm title={t('ideas.shortlist.applyConfirm')} onConfirm={() => apply(true)}>
            <Button type="primary" data-testid="shortlist-apply">
              {t('ideas.shortlist.apply')}
            </Button>
          </Popconfirm>
        )}
        {data.actions.apply && (
          <Button onClick={() => apply(false)} data-testid="shortlist-add-proposed">
            {t('ideas.shortlist.addProposed')}
          </Button>
        )}
        {data.actions.export && (
          <Button onClick={download} loading={exporting}>
            {t('ideas.shortlist.export')}
          </Button>
        )}
      </Space>
      <ShortlistTable
        data={data}
        loading={loading}
        load={{ failed: failed && !loading, reload }}
        filter={filter}
        onFilter={setFilter}
        onToggle={(id, on) => edit(on ? { add: [id], remove: [] } : { add: [], remove: [id] })}
      />
    </Flex>
  );
}
