import { Alert, Button, Flex, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { fileNameOf, saveBlob } from '../../components/download';
import { useFeedback } from '../../components/Feedback';
import { ImportReportModal } from '../../components/ImportReportModal';
import { MissingLoad } from '../../components/NotThere';
import { ReturnReasonModal } from '../../components/ReturnReasonModal';
import { rawFile, useFileImport } from '../../components/useFileImport';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { useProblemHandler } from '../../components/useProblemHandler';
import { DecimalInput } from './DecimalInput';
import { EditedMeanwhile, isEditedMeanwhile } from './EditedMeanwhile';
import { ReportEvidence } from './ReportEvidence';
import { ReportSubmitButton } from './ReportSubmitButton';
import {
  type IndicatorLabel,
  quarterEndDay,
  quarterLabel,
  quarterOver,
  statusColor,
  useLoad,
} from './shared';

interface Row {
  indicatorId: string;
  label: IndicatorLabel;
  target: number | null;
  value: number | null;
  note: string;
}

/** One quarter's report: values by form or Excel, evidence files, submission and the office's review. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const { message, modal } = useFeedback();
  const onProblem = useProblemHandler();
  // What was typed and not yet saved, by indicator: it survives every reload of the report
  // (an evidence upload, an approval), so nothing typed is lost to a refetch.
  const [edits, setEdits] = useState<Record<string, Pick<Row, 'value' | 'note'>>>({});
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  // A save refused because someone else saved the report first: offered a reload.
  const [conflict, setConflict] = useState(false);
  // The report's updatedAt as last read or saved here: a save followed by a refused submission
  // reloads nothing, and the next save must not be taken for someone else's.
  const stamp = useRef('');
  const report = useLoad(
    async () => unwrap(await api.GET('/api/v1/targets/reports/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  const r = report.data;
  useEffect(() => {
    if (r) stamp.current = r.updatedAt;
  }, [r]);
  const plan = useLoad(
    async () =>
      r ? unwrap(await api.GET('/api/v1/targets/plans/{id}', { params: { path: { id: r.planId } } })) : null,
    [r?.planId],
  );
  const saved = useMemo<Row[]>(() => {
    if (!r || !plan.data) return [];
    const q = Number(r.period.slice(5)) - 1;
    const values = new Map(r.values.map((v) => [v.indicatorId, v]));
    return plan.data.items.map((i) => ({
      indicatorId: i.indicatorId,
      label: { code: i.indicatorCode, name: i.indicatorName, measure: i.measure },
      target: i.targets[q] ?? null,
      value: values.get(i.indicatorId)?.value ?? null,
      note: values.get(i.indicatorId)?.note ?? '',
    }));
  }, [r, plan.data]);
  const rows = useMemo(() => saved.map((x) => ({ ...x, ...edits[x.indicatorId] })), [saved, edits]);
  const dirty = rows.some((x, k) => x.value !== saved[k]!.value || x.note !== saved[k]!.note);
  useLeaveGuard(dirty);
  const change = (k: number, to: Partial<Pick<Row, 'value' | 'note'>>) => {
    const x = rows[k]!;
    setEdits((e) => ({ ...e, [x.indicatorId]: { value: x.value, note: x.note, ...to } }));
  };

  /** Runs a write and reloads; `settled` when the server now holds what was typed (or replaced it). */
  const run = async (work: () => Promise<unknown>, done: string, settled = false) => {
    try {
      await work();
      void message.success(t(done));
      await report.reload();
      if (settled) setEdits({});
    } catch (error) {
      if (isEditedMeanwhile(error)) setConflict(true);
      else onProblem(error);
    }
  };
  const put = async () => {
    const done = unwrap(
      await api.PUT('/api/v1/targets/reports/{id}', {
        params: { path: { id } },
        body: {
          values: rows.flatMap((x) =>
            x.value === null ? [] : [{ indicatorId: x.indicatorId, value: x.value, note: x.note }],
          ),
          updatedAt: stamp.current,
        },
      }),
    );
    stamp.current = done.updatedAt;
  };
  const save = () => run(put, 'targets.saved', true);
  // Submitting sends what is on screen: unsaved values are saved first.
  const submit = () =>
    run(
      async () => {
        if (r?.actions.edit) await put();
        unwrap(await api.POST('/api/v1/targets/reports/{id}/submit', { params: { path: { id } } }));
      },
      'targets.reports.submitted',
      true,
    );
  const approve = () =>
    run(
      async () =>
        unwrap(await api.POST('/api/v1/targets/reports/{id}/approve', { params: { path: { id } } })),
      'targets.reports.approved',
    );
  const sendBack = () =>
    run(async () => {
      unwrap(
        await api.POST('/api/v1/targets/reports/{id}/return', { params: { path: { id } }, body: { reason } }),
      );
      setReturning(false);
    }, 'targets.reports.returned');
  const workbook = async () => {
    try {
      const result = await api.GET('/api/v1/targets/reports/{id}/workbook', {
        params: { path: { id } },
        parseAs: 'blob',
      });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, 'report.xlsx'));
    } catch (error) {
      onProblem(error);
    }
  };
  // The workbook's values replace the form's: typed values are dropped only once confirmed.
  const importXlsx = (file: File) => {
    if (!dirty) {
      void sendXlsx(file);
      return;
    }
    modal.confirm({
      title: t('targets.reports.importReplaces'),
      okText: t('targets.excel.import'),
      onOk: () => sendXlsx(file),
    });
  };
  // A refused workbook is reported row by row, each cell by its row and its column's header.
  const imported = useFileImport({
    send: async (file) =>
      unwrap(
        await api.POST('/api/v1/targets/reports/{id}/import', { params: { path: { id } }, ...rawFile(file) }),
      ),
    onDone: async () => {
      void message.success(t('targets.saved'));
      await report.reload();
      setEdits({});
    },
  });
  const sendXlsx = (file: File) => imported.upload(file);
  const addEvidence = (file: File) =>
    run(async () => {
      const form = new FormData();
      form.set('file', file);
      unwrap(
        await api.POST('/api/v1/targets/reports/{id}/evidence', {
          params: { path: { id } },
          body: form as unknown as { file?: string },
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    }, 'targets.reports.uploaded');

  // Without the report or its plan's indicators, no form: an empty one saved would clear the values.
  if (!r || !plan.data) {
    const failed = !r ? report : plan;
    return (
      <MissingLoad
        load={failed}
        back={<Link to="/admin/targets/reports">{t('targets.reports.back')}</Link>}
      />
    );
  }
  const edit = r.actions.edit;
  return (
    <Flex vertical gap={16}>
      <Link to="/admin/targets/reports">{t('targets.reports.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('targets.reports.formTitle', { unit: r.unitName, period: quarterLabel(t, r.period) })}{' '}
        <Tag color={statusColor[r.status]}>{t(`targets.status.${r.status}`)}</Tag>
        {r.late && <Tag color="red">{t('targets.reports.lateTag')}</Tag>}
      </Typography.Title>
      {conflict && (
        <EditedMeanwhile
          what="report"
          onReload={() => {
            setConflict(false);
            setEdits({});
            void report.reload();
          }}
        />
      )}
      {/* Two sentences, each on its line: the deadline, then why the report waits for the quarter's end. */}
      <Flex vertical>
        <Typography.Text type="secondary" data-testid="report-deadline">
          {t('targets.reports.deadlineIs', { date: r.deadline })}
        </Typography.Text>
        {edit && !quarterOver(r.period) && (
          <Typography.Text type="secondary" data-testid="report-not-ended">
            {t('targets.reports.notEnded', { end: quarterEndDay(r.period) })}
          </Typography.Text>
        )}
      </Flex>
      {/* Counted Monday to Friday through a year whose holidays are not loaded: it may still move. */}
      {r.deadlineProvisional !== null && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-deadline-provisional"
          title={t('targets.reports.deadlineProvisional', { year: r.deadlineProvisional })}
        />
      )}
      {r.returnReason && (
        <Alert type="warning" showIcon title={t('targets.reasonIs', { reason: r.returnReason })} />
      )}
      <Space wrap>
        <Button onClick={workbook}>{t('targets.reports.workbook')}</Button>
        {edit && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              importXlsx(f);
              return false;
            }}
          >
            <Button loading={imported.importing}>{t('targets.excel.import')}</Button>
          </Upload>
        )}
      </Space>
      <ImportReportModal report={imported.report} onClose={imported.closeReport} keys="targets.excel" />
      <Table<Row>
        rowKey="indicatorId"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('targets.indicators.name'),
            key: 'label',
            render: (_, x) => t('targets.indicatorLabel', { ...x.label }),
          },
          { title: t('targets.reports.target'), dataIndex: 'target', render: (v) => v ?? '—' },
          {
            title: t('targets.reports.actual'),
            key: 'value',
            render: (_, x, k) => (
              <DecimalInput
                id={`report-value-${k}`}
                aria-label={t('targets.reports.valueOf', { name: x.label.name })}
                size="small"
                disabled={!edit}
                value={x.value}
                onChange={(value) => change(k, { value })}
              />
            ),
          },
          {
            title: t('targets.reports.note'),
            key: 'note',
            render: (_, x, k) => (
              <Input
                id={`report-note-${k}`}
                aria-label={t('targets.reports.noteOf', { name: x.label.name })}
                size="small"
                disabled={!edit}
                maxLength={200}
                value={x.note}
                onChange={(e) => change(k, { note: e.target.value })}
              />
            ),
          },
        ]}
      />
      <ReportEvidence evidence={r.evidence} edit={edit} onUpload={(f) => void addEvidence(f)} />
      <Space>
        {edit && (
          <Button onClick={save} data-testid="report-save">
            {t('targets.save')}
          </Button>
        )}
        {(r.actions.submit || edit) && <ReportSubmitButton period={r.period} rows={rows} onSubmit={submit} />}
        {r.actions.review && (
          <>
            <Button type="primary" onClick={approve} data-testid="report-approve">
              {t('targets.plans.approve')}
            </Button>
            <Button danger onClick={() => setReturning(true)} data-testid="report-return">
              {t('targets.plans.return')}
            </Button>
          </>
        )}
      </Space>
      <ReturnReasonModal
        open={returning}
        title={t('targets.plans.returnTitle')}
        reason={reason}
        onReason={setReason}
        onCancel={() => setReturning(false)}
        onOk={sendBack}
      />
    </Flex>
  );
}
