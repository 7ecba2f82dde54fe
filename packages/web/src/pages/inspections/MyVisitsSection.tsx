import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { listed, withNote } from '../../components/phrases';
import { useLoad } from './shared';

/** On a firm's own page: its upcoming joint inspections, the date and the items told in advance. */
export function MyVisitsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const visits = useLoad(async () => unwrap(await api.GET('/api/v1/inspections/my-visits')), []);
  const { data, loading } = visits;
  return (
    <Card title={t('inspections.plans.myVisits')} style={{ marginTop: 16 }} data-testid="my-visits">
      <Typography.Paragraph type="secondary">{t('inspections.plans.myVisitsHint')}</Typography.Paragraph>
      <List
        loading={loading}
        dataSource={data ?? []}
        // While loading, the spinner alone: "no visits" would read as an answer.
        locale={{
          emptyText: loading ? <span /> : emptyUnlessFailed(visits, t('inspections.plans.noVisits')),
        }}
        renderItem={(v) => (
          <List.Item key={v.id}>
            <List.Item.Meta
              title={`${v.date} · ${listed(t, v.departments)}`}
              description={listed(
                t,
                v.items.map((i) => withNote(t, i.name, i.unit)),
              )}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
