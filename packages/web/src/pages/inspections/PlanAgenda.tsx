import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listed } from '../../components/phrases';
import { type PlanVisit, visitColor } from './shared';

/**
 * A month of the plan on a phone: each day with visits as a card listing its firms (a tap opens
 * the visit), in date order, where a seven-column grid would leave a firm's name a few pixels.
 */
export function PlanAgenda({
  month,
  byDate,
  showStatus,
  onOpen,
}: {
  month: string;
  byDate: ReadonlyMap<string, PlanVisit[]>;
  showStatus: boolean;
  onOpen(visit: PlanVisit): void;
}) {
  const { t } = useTranslation();
  const days = [...byDate.keys()].filter((d) => d.startsWith(`${month}-`)).sort();
  if (days.length === 0) return <Empty description={t('inspections.plans.noVisitsInMonth')} />;
  return (
    <Flex vertical gap={8} data-testid="plan-agenda">
      {days.map((day) => {
        const list = byDate.get(day)!;
        const weekday = t(`inspections.weekdays.${new Date(`${day}T00:00:00Z`).getUTCDay() || 7}`);
        return (
          <Card
            key={day}
            size="small"
            data-date={day}
            title={`${day} ${weekday} · ${t('inspections.plans.visitsOn', { count: list.length })}`}
          >
            <Flex vertical gap={4}>
              {list.map((v) => (
                <Flex key={v.id} justify="space-between" align="center" gap={8}>
                  <Button
                    type="link"
                    onClick={() => onOpen(v)}
                    style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
                    data-testid="plan-visit"
                    data-status={v.status}
                  >
                    {v.firm.name}
                  </Button>
                  {showStatus && (
                    <Tag color={visitColor[v.status]} style={{ marginInlineEnd: 0 }}>
                      {t(`inspections.visitStatus.${v.status}`)}
                    </Tag>
                  )}
                </Flex>
              ))}
              <Typography.Text type="secondary">
                {listed(t, [...new Set(list.flatMap((v) => v.departments.map((d) => d.name)))])}
              </Typography.Text>
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
