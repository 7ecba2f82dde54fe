import { Button, Flex, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { HiddenActionsTitle, RowActionButton } from '../../components/rowActions';
import { useProblemHandler } from '../../components/useProblemHandler';
import { percent, type ReformProject } from './shared';

type Milestone = ReformProject['milestoneList'][number];
interface Row {
  key: string;
  id?: string;
  name: string;
  weight: number | null;
  dueDate: string;
  saved?: Milestone;
}

const rowsOf = (p: ReformProject): Row[] =>
  p.milestoneList.map((m) => ({
    key: m.id,
    id: m.id,
    name: m.name,
    weight: m.weight,
    dueDate: m.dueDate,
    saved: m,
  }));

function DueState({ m }: { m: Milestone }) {
  const { t } = useTranslation();
  if (m.done === 1) return null;
  if (m.overdue)
    return (
      <Tag color="red">
        {/* Past a date that fell on a day off, no working day is late yet: no count of zero. */}
        {m.workdaysLeft < 0
          ? t('reforms.milestones.overdue', { days: -m.workdaysLeft, count: -m.workdaysLeft })
          : t('reforms.milestones.overdueNow')}
      </Tag>
    );
  if (m.workdaysLeft === 0) return <Tag color="orange">{t('reforms.milestones.today')}</Tag>;
  return (
    <Typography.Text type="secondary">
      {t('reforms.milestones.left', { days: m.workdaysLeft, count: m.workdaysLeft })}
    </Typography.Text>
  );
}

/**
 * A project's weighted milestones: the office plans them (due dates, weights, which there are), the
 * lead unit names them; what is done comes from approved reports.
 */
export function MilestonesEditor({
  project,
  onSaved,
}: {
  project: ReformProject;
  onSaved(p: ReformProject): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(project));
  const [busy, setBusy] = useState(false);
  // The fields a refused save named (`milestones.N.field`), marked on their rows.
  const [wrong, setWrong] = useState<ReadonlySet<string>>(new Set());
  const fieldLabel: Record<string, string> = {
    name: t('reforms.milestones.name'),
    weight: t('reforms.milestones.weight'),
    dueDate: t('reforms.milestones.dueDate'),
  };
  const labelOf = (path: string) => {
    const [, row, field] = /^milestones\.(\d+)\.(\w+)$/.exec(path) ?? [];
    return row && field && fieldLabel[field]
      ? t('reforms.milestones.fieldOfRow', { field: fieldLabel[field], row: Number(row) + 1 })
      : undefined;
  };
  const status = (k: number, field: string) => (wrong.has(`milestones.${k}.${field}`) ? 'error' : undefined);
  // Keys of rows not yet saved (crypto.randomUUID needs a secure context, which an intranet may lack).
  const added = useRef(0);
  useEffect(() => setRows(rowsOf(project)), [project]);
  const edit = project.actions.edit;
  // Due dates, weights and which milestones there are: the office's (the lead unit renames only).
  const plan = edit && project.actions.assign;
  const change = (k: number, patch: Partial<Row>) =>
    setRows(rows.map((r, i) => (i === k ? { ...r, ...patch } : r)));
  const save = async () => {
    setBusy(true);
    try {
      const milestones = rows.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        name: r.name,
        weight: r.weight ?? 0,
        dueDate: r.dueDate,
      }));
      const saved = unwrap(
        await api.PUT('/api/v1/reforms/projects/{id}/milestones', {
          params: { path: { id: project.id } },
          body: { milestones },
        }),
      );
      setWrong(new Set());
      void message.success(t('reforms.milestones.saved'));
      onSaved(saved);
    } catch (error) {
      const problem = onProblem(error, undefined, labelOf);
      setWrong(new Set((problem.errors ?? []).map((e) => e.path)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('reforms.milestones.hint')}</Typography.Text>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reforms.milestones.none') }}
        columns={[
          {
            title: t('reforms.milestones.name'),
            key: 'name',
            // A reader who cannot change the plan reads it as text: greyed-out fields were too faint.
            render: (_, r, k) =>
              !edit ? (
                r.name
              ) : (
                <Input
                  id={`milestone-name-${k}`}
                  status={status(k, 'name')}
                  aria-label={t('reforms.milestones.fieldOfRow', {
                    field: t('reforms.milestones.name'),
                    row: k + 1,
                  })}
                  value={r.name}
                  maxLength={200}
                  style={{ minWidth: 200 }}
                  onChange={(e) => change(k, { name: e.target.value })}
                />
              ),
          },
          {
            title: t('reforms.milestones.weight'),
            key: 'weight',
            render: (_, r, k) =>
              !plan ? (
                r.weight
              ) : (
                <InputNumber
                  id={`milestone-weight-${k}`}
                  status={status(k, 'weight')}
                  aria-label={t('reforms.milestones.fieldOfRow', {
                    field: t('reforms.milestones.weight'),
                    row: k + 1,
                  })}
                  value={r.weight}
                  step={0.5}
                  onChange={(v) => change(k, { weight: v === null ? null : Number(v) })}
                />
              ),
          },
          {
            title: t('reforms.milestones.dueDate'),
            key: 'dueDate',
            // As text, the date reads YYYY-MM-DD, as everywhere else, not in the browser's own way.
            render: (_, r, k) =>
              !plan ? (
                r.dueDate
              ) : (
                <Input
                  id={`milestone-due-${k}`}
                  status={status(k, 'dueDate')}
                  aria-label={t('reforms.milestones.fieldOfRow', {
                    field: t('reforms.milestones.dueDate'),
                    row: k + 1,
                  })}
                  type="date"
                  value={r.dueDate}
                  onChange={(e) => change(k, { dueDate: e.target.value })}
                />
              ),
          },
          {
            title: t('reforms.milestones.done'),
            key: 'done',
            render: (_, r) => (r.saved ? `${percent(r.saved.done)}%` : '—'),
          },
          { title: '', key: 'due', render: (_, r) => (r.saved ? <DueState m={r.saved} /> : null) },
          ...(plan
            ? [
                {
                  title: <HiddenActionsTitle />,
                  key: 'remove',
                  // The server keeps a milestone with approved progress: the editor does not offer
                  // what saving would refuse.
                  render: (_: unknown, r: Row, k: number) =>
                    (r.saved?.done ?? 0) > 0 ? (
                      <Typography.Text type="secondary">
                        {t('reforms.milestones.keptWithProgress')}
                      </Typography.Text>
                    ) : (
                      <RowActionButton
                        danger
                        onClick={() => setRows(rows.filter((_x, i) => i !== k))}
                        action={t('reforms.milestones.remove')}
                        // A row just added has no name yet: its place in the plan names it.
                        row={r.name.trim() || t('reforms.milestones.rowNumber', { row: k + 1 })}
                      />
                    ),
                },
              ]
            : []),
        ]}
      />
      {edit && (
        <Space>
          {plan && (
            <Button
              onClick={() =>
                setRows([
                  ...rows,
                  { key: `new-${++added.current}`, name: '', weight: 1, dueDate: project.endDate },
                ])
              }
            >
              {t('reforms.milestones.add')}
            </Button>
          )}
          <Button type="primary" loading={busy} onClick={save} data-testid="milestones-save">
            {t('reforms.milestones.save')}
          </Button>
        </Space>
      )}
    </Flex>
  );
}
