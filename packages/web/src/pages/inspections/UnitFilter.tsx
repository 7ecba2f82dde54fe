import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/useUnits';

/** The departments, as a filter or a form's choice. */
export function useDepartments() {
  const { units } = useUnits();
  return units.filter((u) => u.kind === 'department').map((u) => ({ value: u.id, label: u.name }));
}

export function UnitFilter({ value, onChange }: { value?: string; onChange(v?: string): void }) {
  const { t } = useTranslation();
  const options = useDepartments();
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
    />
  );
}
