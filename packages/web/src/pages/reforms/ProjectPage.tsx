import { Button, Card, Descriptions, Flex, Progress, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { MissingLoad } from '../../components/NotThere';
import { listed, period } from '../../components/phrases';
import { useProblemHandler } from '../../components/useProblemHandler';
import { DeleteProject } from './DeleteProject';
import { ProjectPracticesCard } from './learning/ProjectPracticesCard';
import { MilestonesEditor } from './MilestonesEditor';
import { ProgressCorrections } from './ProgressCorrections';
import { ProjectFormModal } from './ProjectFormModal';
import {
  monthLabel,
  percent,
  progressColor,
  type ReformProject,
  reportableMonths,
  reportColor,
  statusColor,
  useLoad,
} from './shared';

function Reports({ project }: { project: ReformProject }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const onProblem = useProblemHandler();
  const taken = new Set(project.reports.map((r) => r.period));
  // Only the project's own months that have ended (China's calendar), as the server requires.
  const months = reportableMonths(project.startDate, project.endDate).filter((m) => !taken.has(m));
  // The latest of them first.
  const [period, setPeriod] = useState<string | undefined>(months[0]);
  const start = async () => {
    if (!period) return;
    try {
      const r = unwrap(
        await api.POST('/api/v1/reforms/reports', {
          body: { projectId: project.id, period, summary: '', problems: '', items: [] },
        }),
      );
      void navigate(`/admin/reforms/reports/${r.id}`);
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Card size="small" title={t('reforms.project.reports')}>
      {project.actions.report && months.length > 0 && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            aria-label={t('reforms.project.reportMonth')}
            value={period}
            onChange={setPeriod}
            style={{ width: 140 }}
            options={months.map((m) => ({ value: m, label: monthLabel(t, m) }))}
            data-testid="report-month"
          />
          <Button type="primary" onClick={start} data-testid="report-start">
            {t('reforms.project.startReport')}
          </Button>
        </Space>
      )}
      {project.reports.length === 0 && (
        <Typography.Text type="secondary">{t('reforms.project.noReports')}</Typography.Text>
      )}
      {project.reports.map((r) => (
        <Flex
          key={r.id}
          justify="space-between"
          gap={8}
          style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Link to={`/admin/reforms/reports/${r.id}`}>{monthLabel(t, r.period)}</Link>
          <Space size={4}>
            <Tag color={reportColor[r.status]}>{t(`reforms.reportStatuses.${r.status}`)}</Tag>
            {r.late && <Tag color="red">{t('reforms.reports.lateTag')}</Tag>}
          </Space>
        </Flex>
      ))}
    </Card>
  );
}

/** One project in the console: its details, its milestone plan, its monthly reports. */
export function ProjectPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  // Deleted (DeleteProject.tsx): back to the ledger.
  const deleted = () => {
    void message.success(t('reforms.project.deleted'));
    void navigate('/admin/reforms/projects');
  };
  const loaded = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/projects/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  const lists = useLoad(async () => unwrap(await api.GET('/api/v1/reforms/lists')), []);
  const [p, setProject] = useState<ReformProject | null>(null);
  useEffect(() => setProject(loaded.data), [loaded.data]);
  const back = <Link to="/admin/reforms/projects">{t('reforms.project.back')}</Link>;
  if (!p) return <MissingLoad load={loaded} back={back} />;
  return (
    <Flex vertical gap={16}>
      {back}
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="reform-project-title">
        {p.name} <Tag color={statusColor[p.status]}>{t(`reforms.statuses.${p.status}`)}</Tag>
      </Typography.Title>
      <Card
        size="small"
        title={t('reforms.project.details')}
        extra={
          <Space size={8}>
            {p.actions.edit && (
              <Button size="small" onClick={() => setEditing(true)} data-testid="reform-project-edit">
                {t('reforms.project.edit')}
              </Button>
            )}
            <DeleteProject project={p} onDeleted={deleted} />
          </Space>
        }
      >
        <Flex gap={16} wrap align="center">
          <Progress
            aria-label={t('common.progressOf', { name: p.name })}
            type="circle"
            size={80}
            percent={percent(p.progress)}
            strokeColor={progressColor(p.status)}
          />
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ flex: '1 1 320px' }}
            items={[
              { key: 'code', label: t('reforms.project.code'), children: p.code },
              { key: 'list', label: t('reforms.project.list'), children: p.listName },
              {
                key: 'source',
                label: t('reforms.project.source'),
                children: t(`reforms.sources.${p.source}`),
              },
              { key: 'lead', label: t('reforms.project.leadUnit'), children: p.leadUnitName },
              {
                key: 'co',
                label: t('reforms.project.coUnits'),
                children:
                  listed(
                    t,
                    p.coUnits.map((u) => u.name),
                  ) || '—',
              },
              {
                key: 'period',
                label: t('reforms.public.period'),
                children: period(t, p.startDate, p.endDate),
              },
              {
                key: 'pilot',
                label: t('reforms.public.pilot'),
                children:
                  p.pilotLevel && p.pilotStatus
                    ? `${t(`reforms.pilotLevels.${p.pilotLevel}`)} · ${t(`reforms.pilotStatuses.${p.pilotStatus}`)}`
                    : t('reforms.project.notPilot'),
              },
              { key: 'goal', label: t('reforms.project.goal'), children: p.goal || '—' },
            ]}
          />
        </Flex>
        {p.actions.edit && !p.actions.assign && (
          <Typography.Text type="secondary">{t('reforms.project.assignHint')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('reforms.milestones.title')}>
        <MilestonesEditor project={p} onSaved={setProject} />
      </Card>
      <ProgressCorrections project={p} onCorrected={setProject} />
      <Reports project={p} />
      <ProjectPracticesCard projectId={p.id} />
      <ProjectFormModal
        open={editing}
        project={p}
        lists={lists.data ?? []}
        assign={p.actions.assign}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void message.success(t('reforms.project.saved'));
          void loaded.reload();
        }}
      />
    </Flex>
  );
}
