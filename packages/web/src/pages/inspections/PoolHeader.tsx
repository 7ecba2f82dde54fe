import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionContext';
import { PoolExcel } from './PoolExcel';
import { UnitFilter } from './UnitFilter';

/** The title, the department filter, "new" and the Excel buttons of a pool page (items, inspectors). */
export function PoolHeader({
  what,
  unitId,
  onUnitChange,
  onCreate,
  onImported,
}: {
  what: 'items' | 'inspectors';
  unitId: string | undefined;
  onUnitChange(unitId: string | undefined): void;
  onCreate(): void;
  onImported(): void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  // Supervisors read the pools; only those who keep one (the server's abilities) add or import.
  const keeps = can(what === 'items' ? 'item.write' : 'inspector.write');
  return (
    <>
      <div>
        <Typography.Title level={3}>{t(`inspections.${what}.title`)}</Typography.Title>
        <Typography.Text type="secondary">{t(`inspections.${what}.intro`)}</Typography.Text>
      </div>
      <Space wrap>
        <UnitFilter value={unitId} onChange={onUnitChange} />
        {keeps && (
          <Button type="primary" onClick={onCreate}>
            {t(`inspections.${what}.create`)}
          </Button>
        )}
        <PoolExcel what={what} canImport={keeps} onImported={onImported} />
      </Space>
    </>
  );
}
