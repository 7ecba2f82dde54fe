import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface UnreportedUnit {
  unitId: string;
  unitName: string;
  status: 'not_submitted' | 'returned';
}

/** Units of a quarter that are not ranked: their report was not submitted or was returned. */
export function UnreportedList({ units }: { units: readonly UnreportedUnit[] | undefined }) {
  const { t } = useTranslation();
  if (!units?.length) return null;
  return (
    <Flex vertical gap={4} data-testid="unreported">
      <Typography.Text strong>{t('targets.scorecards.unreportedTitle')}</Typography.Text>
      <Typography.Text type="secondary">{t('targets.scorecards.unreportedNote')}</Typography.Text>
      <Flex gap={8} wrap>
        {units.map((u) => (
          <span key={u.unitId} data-testid="unreported-unit">
            {u.unitName}{' '}
            <Tag color={u.status === 'returned' ? 'orange' : 'default'}>
              {t(`targets.unreported.${u.status}`)}
            </Tag>
          </span>
        ))}
      </Flex>
    </Flex>
  );
}
