import { Button, Card, Col, Flex, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useLoad } from './shared';

const links = [
  { to: '/ideas', key: 'browse' },
  { to: '/ideas/survey', key: 'survey' },
  { to: '/ideas/lists', key: 'lists' },
  { to: '/ideas/actions', key: 'actions' },
  { to: '/ideas/stats', key: 'stats' },
] as const;

/**
 * The campaign's live counts on the home page, with the way in to every ideas page. The server
 * names the figures' request in the home page's HTML, so it is on its way before this code runs;
 * until it answers the counts show as grey bars, and a dash only when there is nothing to show.
 */
export function IdeasHighlights() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, loading } = useLoad(async () => unwrap(await api.GET('/api/v1/public/stats')), ['stats']);
  return (
    <Card title={t('ideas.home.title')} style={{ marginBottom: 16 }} data-testid="ideas-highlights">
      <Row gutter={[16, 16]}>
        <Col xs={12}>
          <Statistic
            title={t('ideas.home.participations')}
            loading={loading && !data}
            value={data?.participations ?? '—'}
            suffix={t('ideas.home.participationsUnit')}
          />
        </Col>
        <Col xs={12}>
          <Statistic
            title={t('ideas.home.suggestions')}
            loading={loading && !data}
            value={data?.suggestions ?? '—'}
            suffix={t('ideas.home.suggestionsUnit')}
          />
        </Col>
      </Row>
      <Flex wrap gap={8} style={{ marginTop: 16 }}>
        <Link to="/ideas/submit">
          <Button type="primary">{t('ideas.nav.submit')}</Button>
        </Link>
        {links.map((l) => (
          <Link key={l.key} to={l.to}>
            <Button>{t(`ideas.nav.${l.key}`)}</Button>
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
