import { List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { period } from '../../components/phrases';
import { useLoad } from '../../components/useLoad';
import { useSession } from '../../session/SessionContext';
import { NoFirmResult } from './NoFirmResult';

/** The surveys a firm's staff answer for their firm (once per firm), on a phone as at a desk. */
export function FirmSurveysPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { user, loading: sessionLoading } = useSession();
  const list = useLoad(
    async () => (user ? unwrap(await api.GET('/api/v1/business/firm-surveys')) : null),
    [user?.id],
  );
  // An account no firm has taken in answers for none: it is told so, not shown an empty list.
  const ownFirm = useLoad(
    async () => (user ? unwrap(await api.GET('/api/v1/business/my-firm')) : null),
    [user?.id],
    { notFoundOnPage: true },
  );
  if (sessionLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to="/login?next=%2Ffirm%2Fsurveys" replace />;
  if (ownFirm.problem?.status === 404) return <NoFirmResult />;
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('business.menu.firmSurveys')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('business.surveys.firmIntro')}</Typography.Paragraph>
      <List
        loading={list.loading}
        locale={{ emptyText: emptyUnlessFailed(list, t('business.surveys.none')) }}
        dataSource={list.data ?? []}
        renderItem={(s) => (
          <List.Item key={s.id} data-testid="firm-survey">
            <Link to={`/firm/surveys/${s.id}`} style={{ width: '100%' }}>
              <Typography.Text strong>{s.title}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{period(t, s.opensOn, s.closesOn)}</Typography.Text>{' '}
              <Tag color={s.answered ? 'green' : 'blue'}>
                {t(s.answered ? 'business.surveys.answered' : 'business.surveys.answer')}
              </Tag>
            </Link>
          </List.Item>
        )}
      />
    </div>
  );
}
