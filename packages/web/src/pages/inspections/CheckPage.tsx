import { Button, Card, Descriptions, List, Result, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { withNote } from '../../components/phrases';
import { notThere, useLoad } from '../../components/useLoad';
import { visitColor } from './shared';

/**
 * 亮码检查: what a firm sees on scanning the team's code: who came (names and departments, no
 * contact details), the items they may check with their legal basis, and the date. An unknown or
 * long-finished code shows that there is no such visit.
 */
export function CheckPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { code = '' } = useParams();
  // A malformed code (400) is as much "no such visit" as an unknown one (404); any other failure
  // says so, with a retry, rather than spin for ever.
  const {
    data: check,
    loading,
    problem,
    reload,
  } = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/public/inspections/check/{code}', { params: { path: { code } } })),
    [code],
    { notFoundOnPage: true },
  );

  if (loading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (problem && !notThere(problem))
    return (
      <div style={{ maxWidth: 720, margin: '64px auto 0' }}>
        <LoadFailed onRetry={() => void reload()} />
      </div>
    );
  if (problem || !check)
    return (
      <Result
        status="404"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('inspections.check.notFound')}</h1>}
        subTitle={t('inspections.check.notFoundHint')}
        extra={
          <Link to="/">
            <Button>{t('inspections.check.home')}</Button>
          </Link>
        }
        data-testid="check-not-found"
      />
    );
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }} data-testid="check-page">
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('inspections.check.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspections.check.intro')}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('inspections.check.firm')}>{check.firm}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.check.date')}>{check.date}</Descriptions.Item>
        <Descriptions.Item label={t('inspections.check.status')}>
          <Tag color={visitColor[check.status]}>{t(`inspections.visitStatus.${check.status}`)}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('inspections.check.team')} style={{ marginTop: 16 }}>
        <List
          dataSource={check.team}
          renderItem={(m) => (
            <List.Item data-testid="check-inspector">
              <Typography.Text strong>{m.name}</Typography.Text>
              <Typography.Text type="secondary">{m.unit}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('inspections.check.items')} style={{ marginTop: 16 }}>
        <List
          dataSource={check.items}
          renderItem={(i) => (
            <List.Item data-testid="check-item">
              <List.Item.Meta title={withNote(t, i.name, i.unit)} description={i.legalBasis} />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
