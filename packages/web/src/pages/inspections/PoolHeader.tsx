import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
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
  return (
    <>
      <div>
        <Typography.Title level={3}>{t(`inspections.${what}.title`)}</Typography.Title>
        <Typography.Text type="secondary">{t(`inspections.${what}.intro`)}</Typography.Text>
      </div>
      <Space wrap>
        <UnitFilter value={unitId} onChange={onUnitChange} />
        <Button type="primary" onClick={onCreate}>
          {t(`inspections.${what}.create`)}
        </Button>
        <PoolExcel what={what} onImported={onImported} />
      </Space>
    </>
  );
}
