import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionProvider } from '../session/SessionContext';
import { prefersReducedMotion, themeFor } from '../theme/theme';
import { FeedbackProvider } from './Feedback';
import '../theme/global.css';

/** antd in the current language, messages and modals (Feedback), and the session. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const theme = useMemo(() => themeFor({ reducedMotion: prefersReducedMotion() }), []);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <FeedbackProvider>
        <SessionProvider>{children}</SessionProvider>
      </FeedbackProvider>
    </ConfigProvider>
  );
}
