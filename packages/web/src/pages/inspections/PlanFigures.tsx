import { Card, Flex, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionPlan } from './shared';

/**
 * What a plan saves: its visits (those of two departments or more counted apart as joint) against
 * the separate ones they replace, and how far it is from the lower bound.
 * Separate visits count a drawn firm of a task once; planned inspections count each department's
 * share of it, so a joint task makes the second larger, and the hint says why.
 */
export function PlanFigures({ figures }: { figures: InspectionPlan['figures'] }) {
  const { t } = useTranslation();
  const items: [string, number, string?][] = [
    ['visits', figures.visits],
    ['joint', figures.joint],
    ['separate', figures.separateVisits],
    [
      'saving',
      figures.saving,
      figures.separateVisits > 0 ? ` (${Math.round((100 * figures.saving) / figures.separateVisits)}%)` : '',
    ],
    ['lowerBound', figures.lowerBound],
    ['overLowerBound', figures.overLowerBound],
    ['planned', figures.planned],
    ['unplanned', figures.unplanned],
  ];
  return (
    <Card size="small" data-testid="plan-figures">
      <Flex wrap gap={32}>
        {items.map(([key, value, suffix]) => (
          <Statistic
            key={key}
            title={t(`inspections.plans.figures.${key}`)}
            value={value}
            suffix={suffix}
            data-testid={`plan-figure-${key}`}
          />
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('inspections.plans.figures.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
