import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { homeFor } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { safeNext } from './safeNext';

/**
 * What the sign-in and registration pages show someone already signed in: who they are, the
 * way on (to the page they were sent from, else their own start page), and the way to use
 * another account. The form again would read as if the session had been lost.
 */
export function SignedInCard({ title }: { title: ReactNode }) {
  const { t } = useTranslation();
  const { user, menu, logout } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  if (!user) return null;
  const next = safeNext(params.get('next')) ?? homeFor({ user, menu });
  return (
    <AuthCard title={title}>
      <Typography.Paragraph data-testid="signed-in-as">
        {t('auth.signedIn.as', { name: user.displayName })}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button type="primary" onClick={() => navigate(next, { replace: true })}>
          {t('auth.signedIn.continue')}
        </Button>
        <Button onClick={() => void logout()}>{t('auth.signedIn.switch')}</Button>
      </Flex>
    </AuthCard>
  );
}
