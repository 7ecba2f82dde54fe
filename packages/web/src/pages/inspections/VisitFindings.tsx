import { Card, Flex, Rate, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { FindingSummary } from './FindingCard';
import { RectificationStatus } from './RectificationStatus';
import { useLoad } from './shared';

/**
 * A visit's findings as the office and supervisors read them, read only: per item the result,
 * the note and photos, an issue's rectification (due, overdue, returned with the reason, or
 * reported by the firm with its note and photos, awaiting verification or accepted), and the
 * firm's rating. The visit's own read API decides who may see it.
 */
export function VisitFindings({ visitId }: { visitId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/inspections/visits/{id}', { params: { path: { id: visitId } } })),
    [visitId],
  );
  const visit = loaded.data;
  if (!visit)
    return loaded.failed && !loaded.loading ? (
      <LoadFailed onRetry={() => void loaded.reload()} />
    ) : (
      <Spin aria-label={t('inspections.plans.findingsLoading')} />
    );
  return (
    // Focusable, so that a keyboard reaches and scrolls the drawer when nothing else in it can.
    <Flex
      vertical
      gap={8}
      tabIndex={0}
      role="region"
      aria-label={t('inspections.plans.findings')}
      data-testid="visit-findings"
    >
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('inspections.plans.findings')}
      </Typography.Title>
      {visit.items.map((item) => {
        const f = item.finding;
        const open = f?.result === 'issue' && !f.rectifiedAt;
        return (
          <Card
            size="small"
            key={item.id}
            title={item.name}
            extra={<Tag>{item.unit}</Tag>}
            data-testid="finding-item"
          >
            <FindingSummary item={item} />
            {f && open && f.overdue && <Tag color="red">{t('inspections.results.overdue')}</Tag>}
            {f && open && !f.overdue && f.workdaysLeft !== null && (
              <Tag color="orange">{t('inspections.results.workdaysLeft', { count: f.workdaysLeft })}</Tag>
            )}
            <RectificationStatus item={item} />
          </Card>
        );
      })}
      {visit.status === 'completed' && (
        <Card size="small" title={t('inspections.plans.rating')} data-testid="visit-rating-read">
          {visit.rating ? (
            <Flex vertical gap={4}>
              <span>
                <Rate disabled value={visit.rating.score} />{' '}
                {t('inspections.plans.ratingGiven', { score: visit.rating.score })}
              </span>
              {visit.rating.comment && <Typography.Text>{visit.rating.comment}</Typography.Text>}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('inspections.plans.notRated')}</Typography.Text>
          )}
        </Card>
      )}
    </Flex>
  );
}
