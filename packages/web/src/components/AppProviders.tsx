import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionProvider } from '../session/SessionContext';
import { prefersReducedMotion, themeFor } from '../theme/theme';
import '../theme/global.css';

/** antd in the current language, antd's App (message, modal), and the session. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const theme = useMemo(() => themeFor({ reducedMotion: prefersReducedMotion() }), []);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <App>
        <SessionProvider>{children}</SessionProvider>
      </App>
    </ConfigProvider>
  );
}
