import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** "128 人支持", and what counts as one person, a tap away (a phone has no hover). */
export function SupportCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <span data-testid="support-count">
      <Typography.Text>{t('ideas.supportCount.count', { count })}</Typography.Text>
      <Popover content={<div style={{ maxWidth: 280 }}>{t('ideas.supportCount.help')}</div>} trigger="click">
        <Button type="link" size="small">
          {t('ideas.supportCount.what')}
        </Button>
      </Popover>
    </span>
  );
}
