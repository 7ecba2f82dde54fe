import { Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { fileNameOf, saveBlob } from '../../components/download';
import { useFeedback } from '../../components/Feedback';
import { ImportReportModal } from '../../components/ImportReportModal';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { rawFile, useFileImport } from '../../components/useFileImport';
import { useProblemHandler } from '../../components/useProblemHandler';
import { XlsxUpload } from '../../components/XlsxUpload';
import { useSession } from '../../session/SessionContext';
import { type Indicator, useLoad } from './shared';

const categories = ['economy', 'society', 'environment', 'governance'] as const;

/** The indicator library (指标库): search, filter, Excel template, export and import. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [category, setCategory] = useState<(typeof categories)[number] | undefined>();
  const [q, setQ] = useState('');
  const { data, loading, failed, reload } = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/targets/indicators', {
          params: { query: { page, pageSize, category, q: q || undefined } },
        }),
      ),
    [page, pageSize, category, q],
  );

  const download = async (
    path: '/api/v1/targets/indicators/export' | '/api/v1/targets/indicators/template',
  ) => {
    try {
      const result = await api.GET(path, { parseAs: 'blob' });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, 'indicators.xlsx'));
    } catch (error) {
      onProblem(error);
    }
  };
  // A refused file is reported row by row, each cell by its row and its column's header.
  const { upload, importing, report, closeReport } = useFileImport({
    send: async (file) => unwrap(await api.POST('/api/v1/targets/indicators/import', rawFile(file))),
    onDone: async (result) => {
      void message.success(t('targets.indicators.imported', result));
      await reload();
    },
  });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('targets.indicators.title')}</Typography.Title>
      <Space wrap>
        <Select
          aria-label={t('targets.indicators.category')}
          allowClear
          placeholder={t('targets.indicators.category')}
          style={{ width: 160 }}
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          options={categories.map((c) => ({ value: c, label: t(`targets.categories.${c}`) }))}
        />
        <Input.Search
          aria-label={t('targets.indicators.search')}
          allowClear
          placeholder={t('targets.indicators.search')}
          onSearch={(v) => setQ(v)}
          style={{ width: 240 }}
        />
        {can('library.write') && (
          <Button onClick={() => download('/api/v1/targets/indicators/template')}>
            {t('targets.excel.template')}
          </Button>
        )}
        <Button onClick={() => download('/api/v1/targets/indicators/export')}>
          {t('targets.excel.export')}
        </Button>
        {can('library.write') && (
          <XlsxUpload type="primary" upload={upload} importing={importing}>
            {t('targets.excel.import')}
          </XlsxUpload>
        )}
      </Space>
      <ImportReportModal report={report} onClose={closeReport} keys="targets.excel" />
      <Table<Indicator>
        locale={{ emptyText: emptyUnlessFailed({ failed, reload }) }}
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('targets.indicators.code'), dataIndex: 'code' },
          {
            title: t('targets.indicators.name'),
            key: 'name',
            render: (_, i) => (
              <Space size={4}>
                {i.name}
                {i.isDemo && <Tag>{t('common.demo')}</Tag>}
              </Space>
            ),
          },
          { title: t('targets.indicators.measure'), dataIndex: 'measure' },
          {
            title: t('targets.indicators.direction'),
            dataIndex: 'direction',
            render: (d) => t(`targets.directions.${d}`),
          },
          {
            title: t('targets.indicators.category'),
            dataIndex: 'category',
            render: (c) => t(`targets.categories.${c}`),
          },
          { title: t('targets.indicators.source'), dataIndex: 'source' },
          {
            title: t('targets.indicators.frequency'),
            dataIndex: 'frequency',
            render: (f) => t(`targets.frequencies.${f}`),
          },
        ]}
      />
    </Flex>
  );
}
