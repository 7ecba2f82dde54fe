import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { toProblem, unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { useProblemHandler } from '../../components/useProblemHandler';
import { isStaff } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { FirmResultsSection } from '../inspections/FirmResultsSection';
import { MyVisitsSection } from '../inspections/MyVisitsSection';
import { FirmDetails } from './FirmDetails';
import { NoFirmResult } from './NoFirmResult';
import type { Firm } from './shared';

/** 我的企业: a firm's staff see their own firm, on a phone as well as at a desk. */
export function MyFirmPage() {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const { user, loading, menu } = useSession();
  // Staff have no firm of their own: their firms are in the console, and nothing is asked.
  const staff = isStaff(menu);
  const [firm, setFirm] = useState<Firm | null | undefined>(undefined);

  useEffect(() => {
    if (!user || staff) return;
    api
      .GET('/api/v1/business/my-firm')
      .then((result) => setFirm(unwrap(result)))
      .catch((error: unknown) => {
        if (toProblem(error).code === 'NOT_FOUND') setFirm(null);
        else onProblem(error);
      });
  }, [api, user, staff, onProblem]);

  if (loading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to="/login?next=%2Ffirm" replace />;
  if (firm === undefined && !staff) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  // No firm to show: staff are sent to the console, where their firms are; anyone else is told
  // how to be linked to theirs.
  if (staff)
    return (
      <Result
        status="info"
        title={t('business.portal.staffOnly')}
        subTitle={t('business.portal.staffOnlyHint')}
        extra={
          <Link to="/admin">
            <Button type="primary">{t('common.adminConsole')}</Button>
          </Link>
        }
      />
    );
  if (!firm) return <NoFirmResult />;
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('business.portal.title')}
      </Typography.Title>
      <Card data-testid="my-firm">
        <FirmDetails firm={firm} />
        {/* Two sentences, each ended and on its own line: run together they read as one. */}
        <Flex vertical style={{ marginTop: 12 }} data-testid="my-firm-updated">
          <Typography.Text type="secondary">
            {t('business.portal.updatedAt', { date: dayInChina(firm.updatedAt) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('business.portal.correction')}</Typography.Text>
        </Flex>
      </Card>
      <Link to="/firm/requests" data-testid="my-requests-link">
        <Button type="primary" block style={{ marginTop: 16 }}>
          {t('business.portal.requests')}
        </Button>
      </Link>
      <Link to="/firm/surveys" data-testid="my-surveys-link">
        <Button block style={{ marginTop: 8 }}>
          {t('business.menu.firmSurveys')}
        </Button>
      </Link>
      <MyVisitsSection />
      <FirmResultsSection />
    </div>
  );
}
