import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import '../theme/shell.css';

/**
 * Brand and slogan, the language switch and the account menu; `nav` sits on its own row on
 * phones (shell.css). Plain elements, not antd's: this is on the critical path of every page.
 */
export function SiteHeader({ nav, leading }: { nav?: ReactNode; leading?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="qx-header">
      <div className="qx-brand">
        {leading}
        <Link to="/" className="qx-brand-name">
          {t('common.appName')}
        </Link>
        <span className="qx-slogan">{t('common.slogan')}</span>
      </div>
      {nav}
      <div className="qx-tools">
        <LanguageSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
