import { Flex, Grid, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

/** Brand and slogan, the language switch and the account menu; `nav` sits on its own row on phones. */
export function SiteHeader({ nav, leading }: { nav?: ReactNode; leading?: ReactNode }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.md);
  return (
    <Layout.Header
      style={{
        height: 'auto',
        lineHeight: 'normal',
        padding: wide ? '8px 24px' : '8px 12px',
        background: '#fff',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {leading}
          <Link to="/" style={{ color: 'inherit' }}>
            <Typography.Title level={4} style={{ margin: 0, color: '#b3261e', whiteSpace: 'nowrap' }}>
              {t('common.appName')}
            </Typography.Title>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: wide ? 14 : 12 }}>
            {t('common.slogan')}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={8}>
          {wide && nav}
          <LanguageSwitch />
          <UserMenu />
        </Flex>
      </Flex>
      {!wide && nav}
    </Layout.Header>
  );
}
