import { Button, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanAgenda } from './PlanAgenda';
import type { PlanVisit } from './shared';
import { useNarrow } from './useNarrow';

const perCell = 4;
const pad = (n: number) => String(n).padStart(2, '0');

/** The months a period touches, as YYYY-MM. */
function monthsOf(start: string, end: string): string[] {
  const out: string[] = [];
  let [y, m] = start.split('-').map(Number) as [number, number];
  const last = end.slice(0, 7);
  for (;;) {
    const month = `${y}-${pad(m)}`;
    out.push(month);
    if (month >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** The weeks (Monday first) of a month, each day as YYYY-MM-DD or null outside the month. */
function weeksOf(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => `${month}-${pad(i + 1)}`),
  ];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * A month grid of the plan's visits: each day lists its firms, a click opens the visit. On a
 * phone the month is a list of its days with visits instead (PlanAgenda).
 */
export function PlanCalendar({
  start,
  end,
  visits,
  showStatus = false,
  onOpen,
}: {
  start: string;
  end: string;
  visits: readonly PlanVisit[];
  showStatus?: boolean;
  onOpen(visit: PlanVisit): void;
}) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const months = useMemo(() => monthsOf(start, end), [start, end]);
  const [index, setIndex] = useState(0);
  const [expanded, setExpanded] = useState<string | null>(null);
  const month = months[Math.min(index, months.length - 1)]!;
  const byDate = useMemo(() => {
    const map = new Map<string, PlanVisit[]>();
    for (const v of visits) map.set(v.date, [...(map.get(v.date) ?? []), v]);
    return map;
  }, [visits]);
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => t(`inspections.weekdays.${d}`));
  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8}>
        <Button
          size="small"
          disabled={index === 0}
          onClick={() => setIndex(index - 1)}
          aria-label={t('inspections.plans.prevMonth')}
        >
          ‹
        </Button>
        <Typography.Text strong>{month}</Typography.Text>
        <Button
          size="small"
          disabled={index >= months.length - 1}
          onClick={() => setIndex(index + 1)}
          aria-label={t('inspections.plans.nextMonth')}
        >
          ›
        </Button>
      </Flex>
      {narrow ? (
        <PlanAgenda month={month} byDate={byDate} showStatus={showStatus} onOpen={onOpen} />
      ) : (
        <table
          className="plan-calendar"
          aria-label={t('inspections.plans.calendarLabel')}
          style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' }}
        >
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th key={d} scope="col" style={{ padding: 4, textAlign: 'left' }}>
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week) => (
              <tr key={week.find(Boolean) ?? ''}>
                {week.map((day, i) => {
                  const list = day ? (byDate.get(day) ?? []) : [];
                  const inPeriod = !!day && day >= start && day <= end;
                  return (
                    <td
                      key={day ?? `empty-${i}`}
                      data-date={day ?? undefined}
                      style={{
                        verticalAlign: 'top',
                        height: 96,
                        padding: 4,
                        border: '1px solid #d9d9d9',
                        background: inPeriod ? undefined : '#fafafa',
                      }}
                    >
                      {day && (
                        <Flex vertical gap={2}>
                          <Typography.Text type="secondary">
                            {Number(day.slice(8))}
                            {list.length > 0 &&
                              ` · ${t('inspections.plans.visitsOn', { count: list.length })}`}
                          </Typography.Text>
                          {list.slice(0, expanded === day ? list.length : perCell).map((v) => (
                            <Button
                              key={v.id}
                              size="small"
                              type="link"
                              onClick={() => onOpen(v)}
                              style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
                              data-testid="plan-visit"
                              data-status={v.status}
                            >
                              {v.firm.name}
                            </Button>
                          ))}
                          {list.length > perCell && expanded !== day && (
                            <Button
                              size="small"
                              type="link"
                              style={{ padding: 0 }}
                              onClick={() => setExpanded(day)}
                            >
                              {t('inspections.plans.more', { count: list.length - perCell })}
                            </Button>
                          )}
                        </Flex>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Flex>
  );
}
