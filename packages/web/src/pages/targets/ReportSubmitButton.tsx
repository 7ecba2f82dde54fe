import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../components/Feedback';
import { type IndicatorLabel, quarterEndDay, quarterOver } from './shared';

interface Props {
  period: string;
  rows: Array<{ label: IndicatorLabel; value: number | null }>;
  onSubmit: () => Promise<unknown>;
}

/**
 * Submits the report: off, saying why, while no value is entered or the quarter is not over;
 * with indicators left empty it first asks, naming them (a unit may lack a figure).
 */
export function ReportSubmitButton({ period, rows, onSubmit }: Props) {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const empty = rows.filter((x) => x.value === null);
  const why = !quarterOver(period)
    ? t('targets.reports.notEnded', { end: quarterEndDay(period) })
    : empty.length === rows.length
      ? t('targets.reports.submitNeedsValue')
      : undefined;
  const submit = () => {
    if (empty.length === 0) return void onSubmit();
    modal.confirm({
      title: t('targets.reports.emptyTitle', { count: empty.length, total: rows.length }),
      content: (
        <ul data-testid="report-empty-list" style={{ margin: 0, paddingInlineStart: 20 }}>
          {empty.map((x) => (
            <li key={x.label.code}>{t('targets.indicatorLabel', { ...x.label })}</li>
          ))}
        </ul>
      ),
      okText: t('targets.reports.submitAnyway'),
      cancelText: t('targets.reports.keepFilling'),
      onOk: onSubmit,
    });
  };
  return (
    <Tooltip title={why}>
      <span>
        <Button type="primary" onClick={submit} disabled={why !== undefined} data-testid="report-submit">
          {t('targets.reports.submit')}
        </Button>
      </span>
    </Tooltip>
  );
}
