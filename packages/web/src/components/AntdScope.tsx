import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
// antd's date pickers take their weekday and month names and the first day of the week from
// dayjs's locale of the antd locale's name: without Chinese loaded they read "Su Mo", "2026年Dec".
import 'dayjs/locale/zh-cn';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { prefersReducedMotion, themeFor } from '../theme/theme';
import { validateMessagesFor } from './validateMessages';

// One theme object for every scope: antd's style cache is keyed by it, so scopes side by side
// (a page, a dialog it loads later) share their styles rather than each computing its own.
const theme = themeFor({ reducedMotion: prefersReducedMotion() });

/**
 * antd in the site's theme and the reader's language, around whatever renders antd components.
 * It is not in the app's providers: antd's configuration and style engine are a fifth of what the
 * entry would send, and the public pages a citizen lands on (home, browse, a suggestion, submit,
 * track) are plain elements. The parts that use antd bring it: the router's antd pages through
 * `AntdOutlet`, the console through its layout, and a plain page's later parts each in their own.
 */
export function AntdScope({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // Made again when the language changes (`t` changes with it).
  const form = useMemo(() => ({ validateMessages: validateMessagesFor(t) }), [t]);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme} form={form}>
      {children}
    </ConfigProvider>
  );
}

/** A layout route's component: its child routes render in the antd scope. */
export function AntdOutlet() {
  return (
    <AntdScope>
      <Outlet />
    </AntdScope>
  );
}
