import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/useUnits';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { useSession } from '../../session/SessionContext';

/**
 * What the reader keeps of a pool, by the session's abilities (the services decide): whether a
 * row of this department is theirs to edit, and the departments a new row may be given. A
 * supervisor keeps none; a department's staff their own department's.
 */
export function useKeeps(action: 'item.write' | 'inspector.write') {
  const { units } = useUnits();
  const { can } = useSession();
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const keeps = (unitId: string) => {
    const path = pathOf.get(unitId);
    return path !== undefined && can(action, path);
  };
  const departments = units
    .filter((u) => u.kind === 'department' && can(action, u.path))
    .map((u) => ({ value: u.id, label: u.name }));
  return { keeps, departments };
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
