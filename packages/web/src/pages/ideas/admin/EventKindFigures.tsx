import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart';
import { bar } from '../StatsCharts';
import type { EventKindFigure } from '../shared';

/** The campaign's own two kinds, shown with their figures; every kind is in the chart. */
const featured = ['going_out', 'inviting_back'] as const;

/**
 * 走出去 and 请回来 on the dashboard: for each, the events held, how many came and the
 * suggestions collected; beside them, the suggestions every kind of event brought.
 */
export function EventKindFigures({ figures }: { figures: EventKindFigure[] }) {
  const { t } = useTranslation();
  const kindName = (kind: string) => t(`ideas.eventKind.${kind}`);
  const chartTitle = t('ideas.dashboard.byEventKind');
  return (
    <Card size="small" title={t('ideas.dashboard.eventKinds')} data-testid="event-kind-figures">
      <Typography.Paragraph type="secondary">{t('ideas.dashboard.eventKindsIntro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {featured.map((kind) => {
          const f = figures.find((x) => x.kind === kind) ?? { events: 0, attendance: 0, suggestions: 0 };
          return (
            <Col key={kind} xs={24} md={12} lg={6} data-testid={`event-kind-${kind}`}>
              <Typography.Title level={5}>{kindName(kind)}</Typography.Title>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title={t('ideas.dashboard.events')} value={f.events} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('ideas.dashboard.attendance')} value={f.attendance} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('ideas.dashboard.collected')} value={f.suggestions} />
                </Col>
              </Row>
            </Col>
          );
        })}
        <Col xs={24} lg={12}>
          <Typography.Text strong>{chartTitle}</Typography.Text>
          <Chart
            option={bar(
              figures.map((f) => ({ key: f.kind, n: f.suggestions })),
              kindName,
              true,
            )}
            height={220}
            ariaLabel={chartTitle}
          />
        </Col>
      </Row>
    </Card>
  );
}
