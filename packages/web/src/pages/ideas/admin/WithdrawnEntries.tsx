import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { dayInChina } from '../../../components/dayInChina';

type Withdrawal = components['schemas']['OfficeHonourListWithdrawal'];

/** The entries the office withdrew from a published list: which, when and why. */
export function WithdrawnEntries({ withdrawals }: { withdrawals: readonly Withdrawal[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="withdrawn-entries">
      <Typography.Text strong>{t('ideas.selection.withdrawnTitle')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {withdrawals.map((w) => (
          <li key={w.entryId}>
            <Typography.Text type="secondary">
              {t('ideas.selection.withdrawnLine', {
                rank: w.rank,
                title: w.title,
                at: dayInChina(w.withdrawnAt),
                reason: w.reason,
              })}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
