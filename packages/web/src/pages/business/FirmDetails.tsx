import { Descriptions, Grid, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Firm } from './shared';

/** A firm's record as its own page and the registry's drawer show it: one column on a phone. */
export function FirmDetails({ firm }: { firm: Firm }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Descriptions
      bordered
      size="small"
      // On a phone each label sits above its value, so the value has the whole width.
      layout={screens.md ? 'horizontal' : 'vertical'}
      column={screens.md ? 2 : 1}
      items={[
        { key: 'name', label: t('business.fields.name'), children: firm.name, span: screens.md ? 2 : 1 },
        {
          key: 'creditCode',
          label: t('business.fields.creditCode'),
          children: <Typography.Text copyable>{firm.creditCode}</Typography.Text>,
        },
        { key: 'size', label: t('business.fields.size'), children: t(`business.sizes.${firm.size}`) },
        {
          key: 'industry',
          label: t('business.fields.industry'),
          children: `${firm.industryCode} ${firm.industryName}`,
        },
        { key: 'town', label: t('business.fields.town'), children: firm.townName },
        {
          key: 'contacts',
          label: t('business.portal.contacts'),
          span: screens.md ? 2 : 1,
          children: firm.contacts.length ? (
            <List
              size="small"
              split={false}
              dataSource={firm.contacts}
              renderItem={(c) => (
                <List.Item style={{ padding: '2px 0' }}>
                  {c.name} · <a href={`tel:${c.phone}`}>{c.phone}</a>
                </List.Item>
              )}
            />
          ) : (
            t('business.portal.noContacts')
          ),
        },
      ]}
    />
  );
}
