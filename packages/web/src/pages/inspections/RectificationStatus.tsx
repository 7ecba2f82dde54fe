import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayInChina } from '../../components/dayInChina';
import { Photos } from './FindingCard';
import type { ChecklistItem } from './shared';

/**
 * Where an issue's rectification stands, read only: returned by the department with its reason
 * (the firm rectifies again), or the firm's report with its note and photos, awaiting the
 * department's verification or accepted by it. Nothing before a report or a return.
 */
export function RectificationStatus({ item }: { item: ChecklistItem }) {
  const { t } = useTranslation();
  const f = item.finding;
  if (f?.result !== 'issue') return null;
  const returned = f.stage === 'returned' && f.returnReason;
  if (!f.rectifiedAt && !returned) return null;
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      {returned && (
        <Alert
          type="warning"
          showIcon
          data-testid="rectification-returned"
          message={t('inspections.results.returned')}
          description={t('inspections.results.returnReason', { reason: f.returnReason })}
        />
      )}
      {f.rectifiedAt && (
        <>
          <span>
            <Tag color={f.verifiedAt ? 'success' : 'processing'} data-testid="rectified">
              {t(f.verifiedAt ? 'inspections.results.verified' : 'inspections.results.reported')}
            </Tag>
            {f.verifiedAt
              ? t('inspections.results.verifiedAt', { date: dayInChina(f.verifiedAt) })
              : t('inspections.results.reportedAt', { date: dayInChina(f.rectifiedAt) })}
          </span>
          <Typography.Text>{f.rectificationNote}</Typography.Text>
          <Photos ids={f.rectificationPhotos.map((p) => p.id)} path="rectification-photos" item={item.name} />
          {f.returnReason && (
            <Typography.Text type="secondary" data-testid="last-return">
              {t('inspections.followUp.lastReturn', { reason: f.returnReason })}
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}
