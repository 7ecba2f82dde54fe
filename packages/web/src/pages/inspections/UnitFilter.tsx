import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/useUnits';
import { emptyUnlessFailed, LoadFailed } from '../../components/LoadFailed';
import { useSession } from '../../session/SessionContext';

/**
 * What the reader keeps of a pool, by the session's abilities (the services decide): whether a
 * row of this department is theirs to edit, and the departments a new row may be given. A
 * supervisor keeps none; a department's staff their own department's. `units` is the load they
 * come from: when it failed, no row reads as the reader's, and the page says why, with a retry.
 */
export function useKeeps(action: 'item.write' | 'inspector.write') {
  const unitList = useUnits();
  const { units } = unitList;
  const { can } = useSession();
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const keeps = (unitId: string) => {
    const path = pathOf.get(unitId);
    return path !== undefined && can(action, path);
  };
  const departments = units
    .filter((u) => u.kind === 'department' && can(action, u.path))
    .map((u) => ({ value: u.id, label: u.name }));
  return { keeps, departments, units: unitList };
}

/** Over a pool's table: that the departments failed to load, so nothing can be edited, with a retry. */
export function KeepsLoadFailed({ units }: { units: { failed: boolean; reload(): Promise<void> | void } }) {
  const { t } = useTranslation();
  if (!units.failed) return null;
  return <LoadFailed title={t('inspections.departmentsFailed')} onRetry={() => void units.reload()} />;
}

/** The departments as a filter; when they failed to load, its list says so, with a retry. */
export function UnitFilter({ value, onChange }: { value?: string; onChange(v?: string): void }) {
  const { t } = useTranslation();
  const unitList = useUnits();
  const options = unitList.units
    .filter((u) => u.kind === 'department')
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('inspections.allDepartments')}
      aria-label={t('inspections.departmentFilter')}
      style={{ width: 220 }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={options}
      notFoundContent={emptyUnlessFailed(unitList)}
    />
  );
}
