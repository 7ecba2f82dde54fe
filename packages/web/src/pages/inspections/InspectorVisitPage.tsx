import { Alert, Button, Card, Descriptions, Flex, Popconfirm, QRCode, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { Missing } from '../../components/NotThere';
import { listed, withNote } from '../../components/phrases';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import { FindingCard } from './FindingCard';
import { RescheduleVisit } from './RescheduleVisit';
import { type InspectionVisit, useLoad, visitColor } from './shared';
import { visitBack } from './visitBack';

/** The code's page, as the firm's phone opens it when scanning. */
export const checkUrl = (code: string) => `${window.location.origin}/inspections/check/${code}`;

/**
 * One visit on the inspector's phone: the code the firm scans (亮码检查), starting the visit,
 * the checklist item by item, and completing it (after which nothing changes).
 */
export function InspectorVisitPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const { id = '' } = useParams();
  const { user, menu, loading: sessionLoading } = useSession();
  const { state } = useLocation();
  const [changed, setChanged] = useState<InspectionVisit | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useLoad(
    async () =>
      user ? unwrap(await api.GET('/api/v1/inspections/visits/{id}', { params: { path: { id } } })) : null,
    [id, user?.id],
    { notFoundOnPage: true },
  );
  const visit = changed?.id === id ? changed : loaded.data;
  if (sessionLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user)
    return <Navigate to={`/login?next=${encodeURIComponent(`/inspections/visits/${id}`)}`} replace />;
  // Its team, the office, a department verifying, a firm: each back to the list they came from or have.
  const backTo = visitBack(menu, state);
  const back = (
    <Link to={backTo.path} data-testid="visit-back">
      {t(backTo.label)}
    </Link>
  );
  // Not there, or not loaded (the server, the network): said, with the way back, not a spinner for ever.
  if (!visit && loaded.failed && !loaded.loading)
    return (
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <Missing loading={false} back={back} problem={loaded.problem} onRetry={() => void loaded.reload()} />
      </div>
    );

  const step = async (s: 'start' | 'complete') => {
    setBusy(true);
    try {
      const path = { params: { path: { id } } };
      setChanged(
        unwrap(
          s === 'start'
            ? await api.POST('/api/v1/inspections/visits/{id}/start', path)
            : await api.POST('/api/v1/inspections/visits/{id}/complete', path),
        ),
      );
      void message.success(t(`inspections.visits.${s === 'start' ? 'started' : 'completed'}`));
    } catch (error) {
      onProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const unrecorded = visit?.items.filter((item) => !item.finding).length ?? 0;

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      {back}
      {!visit ? (
        <Spin style={{ display: 'block', marginTop: 64 }} />
      ) : (
        <Flex vertical gap={12} style={{ marginTop: 8 }}>
          <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
            {visit.firm.name}{' '}
            <Tag color={visitColor[visit.status]} data-testid="visit-status">
              {t(`inspections.visitStatus.${visit.status}`)}
            </Tag>
          </Typography.Title>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('inspections.visits.date')}>{visit.date}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.visits.team')}>
              {listed(
                t,
                visit.team.map((m) => withNote(t, m.name, m.unit)),
              )}
            </Descriptions.Item>
            {visit.moves.length > 0 && (
              <Descriptions.Item label={t('inspections.visits.moves')}>
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="visit-moves">
                  {visit.moves.map((m) => (
                    <li key={m.at}>
                      {t('inspections.visits.move', { from: m.from, to: m.to, reason: m.reason })}
                    </li>
                  ))}
                </ul>
              </Descriptions.Item>
            )}
          </Descriptions>
          {visit.allowed.includes('reschedule') && (
            <RescheduleVisit
              visit={visit}
              onDone={(v) => {
                setChanged(v);
              }}
            />
          )}
          {visit.status !== 'completed' && (
            <Card size="small" title={t('inspections.visits.code')}>
              <Flex vertical align="center" gap={8}>
                {/* Hidden from screen readers: the link below leads to the same page the code does. */}
                <div aria-hidden="true">
                  <QRCode value={checkUrl(visit.code)} size={200} data-testid="visit-qr" bgColor="#fff" />
                </div>
                <Typography.Text type="secondary">{t('inspections.visits.codeHint')}</Typography.Text>
                <Link to={`/inspections/check/${visit.code}`} data-testid="visit-check-link">
                  {t('inspections.visits.codeLink')}
                </Link>
              </Flex>
            </Card>
          )}
          {visit.allowed.includes('start') && (
            <Button
              type="primary"
              size="large"
              block
              loading={busy}
              onClick={() => step('start')}
              data-testid="visit-start"
            >
              {t('inspections.visits.start')}
            </Button>
          )}
          {visit.status === 'planned' && (
            <Alert type="info" showIcon title={t('inspections.visits.startFirst')} />
          )}
          {visit.status === 'completed' && (
            <Alert type="success" showIcon title={t('inspections.visits.readOnly')} />
          )}
          <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
            {t('inspections.visits.checklist')}
          </Typography.Title>
          {visit.items.map((item) => (
            <FindingCard
              key={item.id}
              visitId={visit.id}
              item={item}
              editable={visit.allowed.includes('record')}
              onChange={(v) => {
                setChanged(v);
                void message.success(t('inspections.visits.saved'));
              }}
            />
          ))}
          {visit.allowed.includes('complete') &&
            // Every item needs its result first (the server refuses otherwise): said before asking.
            (unrecorded > 0 ? (
              <Flex vertical gap={4}>
                <Button type="primary" size="large" block disabled data-testid="visit-complete">
                  {t('inspections.visits.complete')}
                </Button>
                <Typography.Text type="secondary" data-testid="visit-complete-left">
                  {t('inspections.visits.completeLeft', { count: unrecorded })}
                </Typography.Text>
              </Flex>
            ) : (
              <Popconfirm title={t('inspections.visits.completeConfirm')} onConfirm={() => step('complete')}>
                <Button type="primary" size="large" block loading={busy} data-testid="visit-complete">
                  {t('inspections.visits.complete')}
                </Button>
              </Popconfirm>
            ))}
        </Flex>
      )}
    </div>
  );
}
