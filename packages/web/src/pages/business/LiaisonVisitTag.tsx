import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

type Row = components['schemas']['LiaisonRow'];
export type LiaisonState = 'unpaired' | 'ok' | 'dueSoon' | 'overdue';
const stateColor: Record<LiaisonState, string> = {
  overdue: 'red',
  dueSoon: 'orange',
  ok: 'green',
  unpaired: 'default',
};

/** A firm's next visit as a tag: overdue by so many days, coming, in time, or no cadre yet. */
export function VisitTag({ row }: { row: Pick<Row, 'state' | 'dueOn' | 'daysOverdue'> }) {
  const { t } = useTranslation();
  const state: LiaisonState = row.state ?? 'unpaired';
  return (
    <Tag color={stateColor[state]} data-testid="visit-state">
      {t(`business.liaison.state.${state}`, {
        days: row.daysOverdue,
        count: row.daysOverdue,
        date: row.dueOn ?? '',
      })}
    </Tag>
  );
}
