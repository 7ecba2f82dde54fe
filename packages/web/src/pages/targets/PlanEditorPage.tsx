import { Alert, Button, Flex, Form, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { toProblem, unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { LoadFailed } from '../../components/LoadFailed';
import { MissingLoad } from '../../components/NotThere';
import { ReturnReasonModal } from '../../components/ReturnReasonModal';
import { useProblemHandler } from '../../components/useProblemHandler';
import { EditedMeanwhile, isEditedMeanwhile } from './EditedMeanwhile';
import { PlanItemsTable, type PlanRow } from './PlanItemsTable';
import { PlanMissing } from './PlanMissing';
import { type Indicator, statusColor, useLoad } from './shared';

/** A unit's plan: choose indicators, base, a target per quarter and the benchmark chased; submit. */
export function PlanEditorPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [rows, setRows] = useState<PlanRow[]>([]);
  const [contact, setContact] = useState({ contactName: '', contactPhone: '' });
  const [search, setSearch] = useState<Indicator[]>([]);
  // Which way the plan goes back to its unit: a submitted one returned, or an approved one reopened.
  const [returning, setReturning] = useState<false | 'return' | 'reopen'>(false);
  // What the server said is missing on the last submission, as its field paths.
  const [missing, setMissing] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  // A save refused because someone else saved the plan first: offered a reload.
  const [conflict, setConflict] = useState(false);
  // The plan's updatedAt as last read or saved here: a quiet save (before submitting) reloads
  // nothing, and the next save must not be taken for someone else's.
  const stamp = useRef('');
  const plan = useLoad(
    async () => unwrap(await api.GET('/api/v1/targets/plans/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  const regions = useLoad(async () => unwrap(await api.GET('/api/v1/targets/regions')), []);
  useEffect(() => {
    if (!plan.data) return;
    setRows(
      plan.data.items.map((i) => ({
        indicatorId: i.indicatorId,
        base: i.base,
        targets: i.targets,
        benchmarkRegionId: i.benchmarkRegionId,
        benchmarkValue: i.benchmarkValue,
        weight: i.weight,
        justification: i.justification,
        direction: i.direction,
        negativeAllowed: i.negativeAllowed,
        label: { code: i.indicatorCode, name: i.indicatorName, measure: i.measure },
      })),
    );
    setContact({ contactName: plan.data.contactName, contactPhone: plan.data.contactPhone });
    stamp.current = plan.data.updatedAt;
  }, [plan.data]);
  const editable = plan.data?.actions.edit ?? false;

  const find = async (q: string) => {
    try {
      const query = q.trim() ? { q: q.trim(), pageSize: 30 } : { pageSize: 30 };
      setSearch(unwrap(await api.GET('/api/v1/targets/indicators', { params: { query } })).items);
    } catch (error) {
      onProblem(error);
    }
  };
  const add = (indicatorId: string) => {
    const ind = search.find((i) => i.id === indicatorId);
    if (!ind || rows.some((r) => r.indicatorId === indicatorId)) return;
    setRows([
      ...rows,
      {
        indicatorId,
        label: { code: ind.code, name: ind.name, measure: ind.measure },
        // Blank until typed: a blank is kept as one, never as 0. The weight starts equal for all.
        base: null,
        targets: [null, null, null, null],
        benchmarkRegionId: null,
        benchmarkValue: null,
        weight: 1,
        justification: '',
        direction: ind.direction,
        negativeAllowed: ind.negativeAllowed,
      },
    ]);
  };
  // Filling a field the server named as missing takes its mark away.
  const patch = (k: number, change: Partial<PlanRow>, path: string) => {
    setRows(rows.map((r, i) => (i === k ? { ...r, ...change } : r)));
    setMissing((m) => m.filter((p) => p !== path));
  };
  /** Saves the form; true when it was saved. */
  const store = async (quiet = false) => {
    try {
      const items = rows.map((r) => ({
        indicatorId: r.indicatorId,
        base: r.base,
        targets: r.targets,
        benchmarkRegionId: r.benchmarkRegionId,
        benchmarkValue: r.benchmarkValue,
        weight: r.weight,
        justification: r.justification,
      }));
      const saved = unwrap(
        await api.PUT('/api/v1/targets/plans/{id}', {
          params: { path: { id } },
          body: { ...contact, items, updatedAt: stamp.current },
        }),
      );
      stamp.current = saved.updatedAt;
      if (!quiet) {
        void message.success(t('targets.saved'));
        await plan.reload();
      }
      return true;
    } catch (error) {
      if (isEditedMeanwhile(error)) setConflict(true);
      else onProblem(error);
      return false;
    }
  };
  // Submitting sends what is on screen: unsaved changes are saved first.
  const submit = async () => {
    if (editable && !(await store(true))) return;
    try {
      unwrap(await api.POST('/api/v1/targets/plans/{id}/submit', { params: { path: { id } } }));
      setMissing([]);
      void message.success(t('targets.plans.submitted'));
      await plan.reload();
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'VALIDATION' && problem.errors?.length) {
        // Listed above the table and marked on each field, rather than in a passing message.
        setMissing(problem.errors.map((e) => e.path));
        void message.error(t('targets.plans.incomplete'));
      } else onProblem(error);
    }
  };
  const review = async (step: 'approve' | 'return' | 'reopen') => {
    try {
      if (step === 'approve')
        unwrap(await api.POST('/api/v1/targets/plans/{id}/approve', { params: { path: { id } } }));
      else if (step === 'return')
        unwrap(
          await api.POST('/api/v1/targets/plans/{id}/return', { params: { path: { id } }, body: { reason } }),
        );
      else
        unwrap(
          await api.POST('/api/v1/targets/plans/{id}/reopen', { params: { path: { id } }, body: { reason } }),
        );
      const done = { approve: 'approved', return: 'returned', reopen: 'reopened' }[step];
      void message.success(t(`targets.plans.${done}`));
      setReturning(false);
      await plan.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const back = <Link to="/admin/targets/plans">{t('targets.plans.back')}</Link>;
  // Without the plan, no form: an empty one saved would clear its indicators.
  if (!plan.data) return <MissingLoad load={plan} back={back} />;
  const p = plan.data;
  return (
    <Flex vertical gap={16}>
      {back}
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('targets.plans.editorTitle', { unit: p.unitName, year: p.year })}{' '}
        <Tag color={statusColor[p.status]}>{t(`targets.status.${p.status}`)}</Tag>
      </Typography.Title>
      {p.returnReason && (
        <Alert type="warning" showIcon title={t('targets.reasonIs', { reason: p.returnReason })} />
      )}
      {conflict && (
        <EditedMeanwhile
          what="plan"
          onReload={() => {
            setConflict(false);
            void plan.reload();
          }}
        />
      )}
      <Form layout="inline">
        <Form.Item
          label={t('targets.plans.contactName')}
          htmlFor="plan-contact-name"
          required
          validateStatus={missing.includes('contactName') ? 'error' : undefined}
        >
          <Input
            id="plan-contact-name"
            value={contact.contactName}
            disabled={!editable}
            maxLength={40}
            onChange={(e) => {
              setContact({ ...contact, contactName: e.target.value });
              setMissing((m) => m.filter((p) => p !== 'contactName'));
            }}
          />
        </Form.Item>
        <Form.Item
          label={t('targets.plans.contactPhone')}
          htmlFor="plan-contact-phone"
          required
          validateStatus={missing.includes('contactPhone') ? 'error' : undefined}
        >
          <Input
            id="plan-contact-phone"
            value={contact.contactPhone}
            disabled={!editable}
            maxLength={11}
            onChange={(e) => {
              setContact({ ...contact, contactPhone: e.target.value });
              setMissing((m) => m.filter((p) => p !== 'contactPhone'));
            }}
          />
        </Form.Item>
      </Form>
      {editable && (
        <Select
          id="plan-add-indicator"
          showSearch
          filterOption={false}
          style={{ maxWidth: 480 }}
          placeholder={t('targets.plans.addIndicator')}
          onFocus={() => search.length === 0 && void find('')}
          onSearch={(q) => void find(q)}
          notFoundContent={t('targets.plans.noIndicator')}
          onChange={add}
          value={null}
          options={search.map((i) => ({
            value: i.id,
            label: t('targets.indicatorLabel', { code: i.code, name: i.name, measure: i.measure }),
          }))}
        />
      )}
      <PlanMissing paths={missing} rows={rows} />
      {/* The benchmarks are chosen among the regions: without them each would show a bare id. */}
      {regions.failed && <LoadFailed onRetry={() => void regions.reload()} />}
      <PlanItemsTable
        rows={rows}
        editable={editable}
        regions={regions.data ?? []}
        missing={new Set(missing)}
        onPatch={patch}
        onRemove={(k) => {
          setRows(rows.filter((_, i) => i !== k));
          setMissing([]);
        }}
      />
      <Space>
        {editable && (
          <Button onClick={() => store()} data-testid="plan-save">
            {t('targets.save')}
          </Button>
        )}
        {(p.actions.submit || editable) && (
          <Tooltip title={rows.length === 0 ? t('targets.plans.submitNeedsIndicator') : undefined}>
            <span>
              <Button type="primary" onClick={submit} disabled={rows.length === 0} data-testid="plan-submit">
                {t('targets.plans.submit')}
              </Button>
            </span>
          </Tooltip>
        )}
        {p.actions.review && (
          <>
            <Button type="primary" onClick={() => review('approve')} data-testid="plan-approve">
              {t('targets.plans.approve')}
            </Button>
            <Button danger onClick={() => setReturning('return')} data-testid="plan-return">
              {t('targets.plans.return')}
            </Button>
          </>
        )}
        {p.actions.reopen && (
          <Tooltip title={t('targets.plans.reopenHint')}>
            <Button danger onClick={() => setReturning('reopen')} data-testid="plan-reopen">
              {t('targets.plans.reopen')}
            </Button>
          </Tooltip>
        )}
        {p.actions.report && (
          <Link to={`/admin/targets/reports?plan=${p.id}`}>{t('targets.plans.goReport')}</Link>
        )}
      </Space>
      <ReturnReasonModal
        open={returning !== false}
        title={t(returning === 'reopen' ? 'targets.plans.reopenTitle' : 'targets.plans.returnTitle')}
        reason={reason}
        onReason={setReason}
        onCancel={() => setReturning(false)}
        onOk={() => returning && review(returning)}
      />
    </Flex>
  );
}
