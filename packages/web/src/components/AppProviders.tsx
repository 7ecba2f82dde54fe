import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionProvider } from '../session/SessionContext';

const theme = { token: { colorPrimary: '#b3261e', borderRadius: 6 } };

/** antd in the current language, antd's App (message, modal), and the session. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <App>
        <SessionProvider>{children}</SessionProvider>
      </App>
    </ConfigProvider>
  );
}
