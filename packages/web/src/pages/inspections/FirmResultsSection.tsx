import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { listed } from '../../components/phrases';
import { useLoad } from './shared';

/** On a firm's own page: its completed visits, with what is left to rectify and whether it rated them. */
export function FirmResultsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const results = useLoad(async () => unwrap(await api.GET('/api/v1/inspections/my-results')), []);
  const { data, loading } = results;
  return (
    <Card title={t('inspections.results.title')} style={{ marginTop: 16 }} data-testid="my-results">
      <Typography.Paragraph type="secondary">{t('inspections.results.hint')}</Typography.Paragraph>
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{
          emptyText: loading ? <span /> : emptyUnlessFailed(results, t('inspections.results.empty')),
        }}
        renderItem={(v) => (
          <List.Item key={v.id} data-testid="my-result">
            <Link to={`/firm/visits/${v.id}`} style={{ width: '100%' }}>
              <Typography.Text strong>
                {v.date} · {listed(t, v.departments)}
              </Typography.Text>
              <br />
              {v.issues === 0 ? (
                <Tag color="success">{t('inspections.results.noIssues')}</Tag>
              ) : (
                <>
                  {/* What is still to rectify: the issues less those reported or accepted, not all of them. */}
                  {v.rectified + v.reported < v.issues && (
                    <Tag color="error">
                      {t('inspections.results.issues', { count: v.issues - v.rectified - v.reported })}
                    </Tag>
                  )}
                  {v.returned > 0 && (
                    <Tag color="warning">{t('inspections.results.returnedCount', { count: v.returned })}</Tag>
                  )}
                  {v.reported > 0 && (
                    <Tag color="processing">
                      {t('inspections.results.reportedCount', { count: v.reported })}
                    </Tag>
                  )}
                  <Tag color={v.rectified < v.issues ? undefined : 'success'}>
                    {t('inspections.results.rectifiedCount', { done: v.rectified, count: v.issues })}
                  </Tag>
                </>
              )}
              {v.rated && <Tag color="blue">{t('inspections.results.rated')}</Tag>}
            </Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
