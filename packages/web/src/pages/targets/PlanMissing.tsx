import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanRow } from './PlanItemsTable';

/**
 * What the server said a plan lacks before it can be submitted, by row: “GDP (ECO-001): base
 * value, Q2 target”. `paths` are the server's field paths (`contactPhone`, `items.<k>.<field>`).
 */
export function PlanMissing({ paths, rows }: { paths: string[]; rows: PlanRow[] }) {
  const { t } = useTranslation();
  if (paths.length === 0) return null;
  const field = (name: string) => {
    const q = /^targets\.(\d)$/.exec(name);
    if (q) return t('targets.plans.targetQ', { q: Number(q[1]) + 1 });
    if (name === 'benchmarkValue') return t('targets.plans.benchmark');
    return t(`targets.plans.${name}`, { defaultValue: name });
  };
  const lines: string[] = [];
  const byRow = new Map<number, string[]>();
  for (const path of paths) {
    const item = /^items\.(\d+)\.(.+)$/.exec(path);
    if (!item) lines.push(field(path));
    else {
      const k = Number(item[1]);
      byRow.set(k, [...(byRow.get(k) ?? []), field(item[2]!)]);
    }
  }
  for (const [k, fields] of byRow) {
    const label = rows[k]?.label;
    const row = label ? t('targets.indicatorLabel', { ...label }) : t('targets.plans.row', { n: k + 1 });
    lines.push(t('targets.plans.missingOf', { row, fields: fields.join(t('targets.plans.listJoin')) }));
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="plan-missing"
      title={t('targets.plans.incomplete')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      }
    />
  );
}
