import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { fileNameOf, saveBlob } from '../../components/download';
import { useFeedback } from '../../components/Feedback';
import { LoadFailed } from '../../components/LoadFailed';
import { Missing } from '../../components/NotThere';
import { ReturnReasonModal } from '../../components/ReturnReasonModal';
import { useProblemHandler } from '../../components/useProblemHandler';
import { RemovedItems } from './RemovedItems';
import { monthLabel, percent, reportColor, useLoad } from './shared';

interface Row {
  milestoneId: string;
  name: string;
  dueDate: string;
  weight: number;
  doneBefore: number;
  /** Percent 0..100 as typed; null when the report says nothing of the milestone. */
  done: number | null;
  note: string;
}

/**
 * What a report says, for a reader who cannot change it (the office reviewing it, the lead unit
 * once it is sent): plain text, as greyed-out fields were too faint to read.
 */
function Said({ id, text }: { id: string; text: string }) {
  return (
    <Typography.Paragraph id={id} style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {text || '—'}
    </Typography.Paragraph>
  );
}

/** One month's report: progress text, each milestone's share done, evidence files, submission and review. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [summary, setSummary] = useState('');
  const [problems, setProblems] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const report = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/reports/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  const r = report.data;
  const project = useLoad(
    async () =>
      r
        ? unwrap(await api.GET('/api/v1/reforms/projects/{id}', { params: { path: { id: r.projectId } } }))
        : null,
    [r?.projectId],
  );
  // The form takes the server's values when a report opens or changes state, not on every reload:
  // an evidence upload reloads the report and must not wipe what is being typed.
  const [formKey, setFormKey] = useState('');
  useEffect(() => {
    if (!r || !project.data) return;
    const approved = project.data.milestoneList.map((m) => `${m.id}=${m.done}`).join();
    const key = `${r.id}:${r.status}:${approved}`;
    if (key === formKey) return;
    setFormKey(key);
    setSummary(r.summary);
    setProblems(r.problems);
    const given = new Map(r.items.map((i) => [i.milestoneId, i]));
    setRows(
      project.data.milestoneList.map((m) => ({
        milestoneId: m.id,
        name: m.name,
        dueDate: m.dueDate,
        weight: m.weight,
        doneBefore: m.done,
        done: given.has(m.id) ? percent(given.get(m.id)!.done) : null,
        note: given.get(m.id)?.note ?? '',
      })),
    );
  }, [r, project.data, formKey]);

  // A refusal of a field (an empty report's progress) is named by the field's label.
  const labelOf = (path: string) => (path === 'summary' ? t('reforms.report.summary') : undefined);
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(t(done));
      await Promise.all([report.reload(), project.reload()]);
    } catch (error) {
      onProblem(error, undefined, labelOf);
    }
  };
  const put = async () =>
    unwrap(
      await api.PUT('/api/v1/reforms/reports/{id}', {
        params: { path: { id } },
        body: {
          summary,
          problems,
          items: rows.flatMap((x) =>
            x.done === null ? [] : [{ milestoneId: x.milestoneId, done: x.done / 100, note: x.note }],
          ),
        },
      }),
    );
  const path = { params: { path: { id } } };
  const submit = () =>
    run(async () => {
      if (r?.actions.edit) await put();
      unwrap(await api.POST('/api/v1/reforms/reports/{id}/submit', path));
    }, 'reforms.report.submitted');
  const approve = () =>
    run(
      async () => unwrap(await api.POST('/api/v1/reforms/reports/{id}/approve', path)),
      'reforms.report.approved',
    );
  const sendBack = () =>
    run(async () => {
      unwrap(await api.POST('/api/v1/reforms/reports/{id}/return', { ...path, body: { reason } }));
      setReturning(false);
    }, 'reforms.report.returned');
  const addEvidence = (file: File) =>
    run(async () => {
      const form = new FormData();
      form.set('file', file);
      unwrap(
        await api.POST('/api/v1/reforms/reports/{id}/evidence', {
          ...path,
          body: form as unknown as { file?: string },
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    }, 'reforms.report.uploaded');
  // Evidence uploaded by mistake goes while the report may still be changed (draft or returned).
  const removeEvidence = (evidenceId: string) =>
    run(
      async () =>
        unwrap(await api.DELETE('/api/v1/reforms/evidence/{id}', { params: { path: { id: evidenceId } } })),
      'reforms.report.evidenceRemoved',
    );
  const openEvidence = async (evidenceId: string, name: string) => {
    try {
      const result = await api.GET('/api/v1/reforms/evidence/{id}', {
        params: { path: { id: evidenceId } },
        parseAs: 'blob',
      });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, name));
    } catch (error) {
      onProblem(error);
    }
  };

  const back = <Link to="/admin/reforms/reports">{t('reforms.report.back')}</Link>;
  // A report that is not there (or not the reader's: the server says not found) says so; any
  // other failure says the load failed, with a retry: never grey bars for ever.
  if (!r && report.failed && !report.loading)
    return (
      <Missing loading={false} back={back} problem={report.problem} onRetry={() => void report.reload()} />
    );
  if (r && !project.data && project.failed && !project.loading) {
    return (
      <Flex vertical gap={16}>
        {back}
        <LoadFailed onRetry={() => void project.reload()} />
      </Flex>
    );
  }
  // Nothing to type into before the form holds the server's values, so nothing typed is lost.
  if (!r || !formKey) return <Skeleton active />;
  const edit = r.actions.edit;
  const change = (k: number, patch: Partial<Row>) =>
    setRows(rows.map((x, i) => (i === k ? { ...x, ...patch } : x)));
  return (
    <Flex vertical gap={16}>
      {back}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('reforms.report.title', { project: r.projectName, period: monthLabel(t, r.period) })}{' '}
        <Tag color={reportColor[r.status]} data-testid="report-status">
          {t(`reforms.reportStatuses.${r.status}`)}
        </Tag>
        {r.late && <Tag color="red">{t('reforms.reports.lateTag')}</Tag>}
      </Typography.Title>
      <Typography.Text type="secondary">
        {r.leadUnitName} · {t('reforms.report.deadlineIs', { date: r.deadline })}
      </Typography.Text>
      {r.returnReason && (
        <Alert type="warning" showIcon title={t('reforms.report.reasonIs', { reason: r.returnReason })} />
      )}
      <Card size="small" title={t('reforms.report.summary')}>
        {edit ? (
          <Input.TextArea
            id="report-summary"
            rows={4}
            maxLength={4000}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        ) : (
          <Said id="report-summary" text={summary} />
        )}
        <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
          {t('reforms.report.problems')}
        </Typography.Text>
        {edit ? (
          <Input.TextArea
            id="report-problems"
            rows={3}
            maxLength={2000}
            value={problems}
            onChange={(e) => setProblems(e.target.value)}
          />
        ) : (
          <Said id="report-problems" text={problems} />
        )}
      </Card>
      <Card size="small" title={t('reforms.report.items')}>
        <Table<Row>
          rowKey="milestoneId"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('reforms.report.milestone'), dataIndex: 'name' },
            { title: t('reforms.report.dueDate'), dataIndex: 'dueDate' },
            {
              title: t('reforms.report.doneBefore'),
              key: 'before',
              render: (_, x) => `${percent(x.doneBefore)}%`,
            },
            {
              title: t('reforms.report.done'),
              key: 'done',
              render: (_, x, k) =>
                edit ? (
                  <InputNumber
                    id={`report-done-${k}`}
                    min={0}
                    max={100}
                    step={10}
                    suffix="%"
                    value={x.done}
                    onChange={(v) => change(k, { done: v === null ? null : Number(v) })}
                  />
                ) : (
                  <Space size={4} wrap>
                    <span id={`report-done-${k}`}>{x.done === null ? '—' : `${x.done}%`}</span>
                    {/* Approving it keeps the milestone's higher approved figure: the reviewer sees why. */}
                    {x.done !== null && x.done < percent(x.doneBefore) && (
                      <Tag color="warning" data-testid="below-approved">
                        {t('reforms.report.belowApproved')}
                      </Tag>
                    )}
                  </Space>
                ),
            },
            {
              title: t('reforms.report.note'),
              key: 'note',
              render: (_, x, k) =>
                edit ? (
                  <Input
                    size="small"
                    maxLength={500}
                    value={x.note}
                    onChange={(e) => change(k, { note: e.target.value })}
                  />
                ) : (
                  x.note
                ),
            },
          ]}
        />
      </Card>
      <RemovedItems items={r.removedItems} />
      <Card size="small" title={t('reforms.report.evidence')}>
        {r.evidence.length === 0 && (
          <Typography.Text type="secondary">{t('reforms.report.noEvidence')}</Typography.Text>
        )}
        {r.evidence.map((e) => (
          <Flex key={e.id} align="center" gap={8} data-testid="evidence-item">
            <Button type="link" onClick={() => openEvidence(e.id, e.fileName)}>
              {e.fileName}
            </Button>
            <Typography.Text type="secondary">{Math.ceil(e.size / 1024)} KB</Typography.Text>
            {edit && (
              <Popconfirm
                title={t('reforms.report.removeEvidenceConfirm', { name: e.fileName })}
                onConfirm={() => removeEvidence(e.id)}
              >
                <Button size="small" danger data-testid="evidence-remove">
                  {t('reforms.report.removeEvidence')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ))}
        {edit && (
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              void addEvidence(f);
              return false;
            }}
          >
            <Button data-testid="evidence-upload">{t('reforms.report.upload')}</Button>
          </Upload>
        )}
      </Card>
      <Space wrap>
        {edit && (
          <Button onClick={() => run(put, 'reforms.report.saved')} data-testid="report-save">
            {t('reforms.report.save')}
          </Button>
        )}
        {(r.actions.submit || edit) && (
          <Button type="primary" onClick={submit} data-testid="report-submit">
            {t('reforms.report.submit')}
          </Button>
        )}
        {r.actions.review && (
          <>
            <Button type="primary" onClick={approve} data-testid="report-approve">
              {t('reforms.report.approve')}
            </Button>
            <Button danger onClick={() => setReturning(true)} data-testid="report-return">
              {t('reforms.report.return')}
            </Button>
          </>
        )}
      </Space>
      <ReturnReasonModal
        open={returning}
        title={t('reforms.report.returnTitle')}
        reason={reason}
        onReason={setReason}
        onCancel={() => setReturning(false)}
        onOk={sendBack}
      />
    </Flex>
  );
}
