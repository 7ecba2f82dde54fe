import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotThere } from '../components/NotThere';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <NotThere
      back={
        <Link to="/">
          <Button type="primary">{t('common.nav.home')}</Button>
        </Link>
      }
    />
  );
}
