import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

type Names = ReadonlyMap<string, string>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
// A unit's id under `unitId`, `departmentId`, `coUnitIds`… is shown as the unit's name where it is known.
const isUnitKey = (key: string) => /(^|[a-z])(unit|department|town)Ids?$/i.test(key);
const isRoleKey = (key: string) => key === 'role' || key === 'roles';

/** One value as a reader says it: a role by its name, a unit by its name, yes or no, the rest as it is. */
function say(t: TFunction, units: Names, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value.map((item) => say(t, units, key, item)).join(t('common.listSeparator'));
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => say(t, units, k, v))
      .join(' · ');
  if (typeof value === 'boolean') return t(`audit.values.${value}`);
  if (typeof value === 'string' && isRoleKey(key)) return t(`common.roles.${value}`, { defaultValue: value });
  if (typeof value === 'string' && isUnitKey(key)) return units.get(value) ?? value;
  return String(value);
}

/**
 * What an event recorded before or after, as label → value lines. Labels the log words are named;
 * any other key is shown as it is, so a new field never goes missing.
 */
export function ChangeList({ value, units }: { value: unknown; units: Names }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <div>—</div>;
  if (!isRecord(value)) return <div>{say(t, units, '', value)}</div>;
  return (
    <dl style={{ margin: 0, fontSize: 12, overflowWrap: 'anywhere' }}>
      {Object.entries(value).map(([key, item]) => (
        <div key={key} style={{ display: 'flex', gap: 8 }}>
          <dt style={{ flex: '0 0 auto' }}>
            <Typography.Text type="secondary">
              {t(`audit.changeFields.${key}`, { defaultValue: key })}
            </Typography.Text>
          </dt>
          <dd style={{ margin: 0 }}>{say(t, units, key, item)}</dd>
        </div>
      ))}
    </dl>
  );
}
