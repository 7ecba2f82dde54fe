import { type PlanConcern, planRowConcerns } from '@qianxing/core/targets';
import { Alert, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from '../../api/fieldMessage';
import { RowActionButton } from '../../components/rowActions';
import { DecimalInput } from './DecimalInput';
import type { IndicatorLabel, PlanItem, Region } from './shared';

/** A plan's row on screen: what the server keeps, blanks as null, and the indicator's label. */
export type PlanRow = Omit<PlanItem, 'targets'> & {
  targets: (number | null)[];
  label: IndicatorLabel;
  /** The indicator's, for the checks of planConcerns.ts. */
  direction: 'higher' | 'lower';
  negativeAllowed: boolean;
};

/** A column title marked as needed before the plan is submitted (a draft may leave it blank). */
export function Needed({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {children}{' '}
      {/* A named image, so screen readers say what the star means (a plain span may not carry a label). */}
      <Typography.Text type="danger" role="img" aria-label={t('targets.plans.needed')}>
        *
      </Typography.Text>
    </>
  );
}

/**
 * Widths that keep every column, the weight last, in view in a 1366-pixel window beside the menu:
 * the name wraps in its column, and a figure's box holds eight digits and a point.
 */
const labelWidth = 180;
const figureWidth = 84;

interface Props {
  rows: PlanRow[];
  editable: boolean;
  regions: Region[];
  /** Paths the server named as missing on submission (`items.<k>.base`, …): their inputs are marked. */
  missing: ReadonlySet<string>;
  onPatch: (k: number, change: Partial<PlanRow>, path: string) => void;
  onRemove: (k: number) => void;
}

/**
 * The plan's indicators with base, quarterly targets, benchmark and weight. The actions column
 * is there only for someone who may edit: a reviewer's would be empty and pinned over the figures.
 */
export function PlanItemsTable({ rows, editable, regions, missing, onPatch, onRemove }: Props) {
  const { t } = useTranslation();
  // The rule the server applies on submission (@qianxing/core/targets), as figures are typed.
  const concerns = rows.map((r, k) => planRowConcerns(k, r, r));
  const flagged = new Set(concerns.flat().map((c) => c.path));
  // A figure the server refused is an error; one that goes against its indicator, a warning.
  const status = (path: string) => (missing.has(path) ? 'error' : flagged.has(path) ? 'warning' : undefined);
  const indicatorOf = (r: PlanRow) => t('targets.indicatorLabel', { ...r.label });
  /** A cell's spoken name: its indicator and its column, as a sighted reader finds it by row and head. */
  const cellLabel = (r: PlanRow, column: string) =>
    t('targets.plans.cellLabel', { indicator: indicatorOf(r), column });
  /** A figure's input: `id` names it for the page's tests, `path` as the server does. */
  const num = (
    id: string,
    label: string,
    path: string,
    value: number | null,
    onChange: (v: number | null) => void,
  ) => {
    return (
      <DecimalInput
        id={id}
        aria-label={label}
        size="small"
        value={value}
        disabled={!editable}
        status={status(path)}
        aria-invalid={missing.has(path) || undefined}
        onChange={onChange}
        style={{ width: figureWidth }}
      />
    );
  };
  const columns: ColumnsType<PlanRow> = [
    {
      title: t('targets.indicators.name'),
      key: 'label',
      // Wrapped in a column of its own width: on one line a long name pushed the weight off a 1366 screen.
      render: (_, r) => <div style={{ width: labelWidth, whiteSpace: 'normal' }}>{indicatorOf(r)}</div>,
    },
    {
      title: <Needed>{t('targets.plans.base')}</Needed>,
      key: 'base',
      render: (_, r, k) =>
        num(`plan-item-${k}-base`, cellLabel(r, t('targets.plans.base')), `items.${k}.base`, r.base, (v) =>
          onPatch(k, { base: v }, `items.${k}.base`),
        ),
    },
    ...[0, 1, 2, 3].map((q) => ({
      title: <Needed>{t('targets.plans.targetQ', { q: q + 1 })}</Needed>,
      key: `q${q}`,
      render: (_: unknown, r: PlanRow, k: number) =>
        num(
          `plan-item-${k}-q${q + 1}`,
          cellLabel(r, t('targets.plans.targetQ', { q: q + 1 })),
          `items.${k}.targets.${q}`,
          r.targets[q] ?? null,
          (v) =>
            onPatch(k, { targets: r.targets.map((x, i) => (i === q ? v : x)) }, `items.${k}.targets.${q}`),
        ),
    })),
    {
      title: <Needed>{t('targets.plans.benchmarkRegion')}</Needed>,
      key: 'region',
      render: (_, r, k) => (
        <Select
          size="small"
          allowClear
          aria-label={cellLabel(r, t('targets.plans.benchmarkRegion'))}
          disabled={!editable}
          status={status(`items.${k}.benchmarkValue`)}
          style={{ width: 120 }}
          popupMatchSelectWidth={false}
          value={r.benchmarkRegionId ?? undefined}
          onChange={(v) => onPatch(k, { benchmarkRegionId: v ?? null }, `items.${k}.benchmarkValue`)}
          options={regions.filter((g) => g.kind !== 'self').map((g) => ({ value: g.id, label: g.name }))}
        />
      ),
    },
    {
      title: t('targets.plans.benchmarkValue'),
      key: 'bv',
      render: (_, r, k) => (
        <DecimalInput
          id={`plan-item-${k}-benchmark`}
          aria-label={cellLabel(r, t('targets.plans.benchmarkValue'))}
          size="small"
          disabled={!editable}
          status={status(`items.${k}.benchmarkValue`)}
          value={r.benchmarkValue}
          onChange={(v) => onPatch(k, { benchmarkValue: v }, `items.${k}.benchmarkValue`)}
          style={{ width: figureWidth }}
        />
      ),
    },
    {
      title: <Needed>{t('targets.plans.weight')}</Needed>,
      key: 'w',
      render: (_, r, k) =>
        num(
          `plan-item-${k}-weight`,
          cellLabel(r, t('targets.plans.weight')),
          `items.${k}.weight`,
          r.weight,
          (v) => onPatch(k, { weight: v }, `items.${k}.weight`),
        ),
    },
  ];
  if (editable)
    columns.push({
      title: t('common.actions'),
      fixed: 'right',
      key: 'x',
      render: (_, r, k) => (
        <RowActionButton
          type="link"
          danger
          onClick={() => onRemove(k)}
          action={t('targets.remove')}
          row={r.label.name}
        />
      ),
    });
  // A row with a figure against its indicator opens beneath itself: what is wrong and the unit's reason.
  const open = rows.flatMap((r, k) => (concerns[k]!.length || r.justification ? [r.indicatorId] : []));
  const table = (
    <Table<PlanRow>
      rowKey="indicatorId"
      size="small"
      dataSource={rows}
      pagination={false}
      expandable={{
        expandedRowKeys: open,
        showExpandColumn: false,
        expandedRowRender: (r, k) => (
          <ConcernPanel
            k={k}
            row={r}
            concerns={concerns[k] ?? []}
            editable={editable}
            missing={missing.has(`items.${k}.justification`)}
            onReason={(justification) => onPatch(k, { justification }, `items.${k}.justification`)}
          />
        ),
      }}
      // The table scrolls itself while its actions column is pinned; read-only, it has none.
      scroll={editable ? { x: 'max-content' } : undefined}
      columns={columns}
    />
  );
  return (
    <>
      <Typography.Text type="secondary">{t('targets.plans.neededHint')}</Typography.Text>
      {editable ? (
        table
      ) : (
        // Read-only, its inputs take no focus: the scrolling box does, so a keyboard can scroll it.
        <Flex
          vertical
          tabIndex={0}
          role="region"
          aria-label={t('targets.plans.itemsTable')}
          style={{ overflowX: 'auto' }}
        >
          {table}
        </Flex>
      )}
    </>
  );
}

/** The words of a figure's place in the row: its column's title. */
function useFieldName() {
  const { t } = useTranslation();
  return (path: string) => {
    const q = /\.targets\.(\d)$/.exec(path);
    if (q) return t('targets.plans.targetQ', { q: Number(q[1]) + 1 });
    if (path.endsWith('.base')) return t('targets.plans.base');
    return t('targets.plans.benchmarkValue');
  };
}

interface PanelProps {
  k: number;
  row: PlanRow;
  concerns: PlanConcern[];
  editable: boolean;
  missing: boolean;
  onReason: (reason: string) => void;
}

/** Beneath a row: each figure that goes against the indicator, and the unit's reason for it. */
function ConcernPanel({ k, row, concerns, editable, missing, onReason }: PanelProps) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const direction = t(`targets.directions.${row.direction}`);
  return (
    <Flex vertical gap={8} data-testid={`plan-item-${k}-concerns`} style={{ maxWidth: 720 }}>
      {concerns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('targets.plans.concernsTitle', { direction })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {concerns.map((c) => (
                <li key={c.path}>
                  {t('targets.plans.missingOf', {
                    row: fieldName(c.path),
                    fields: fieldMessage(t, {
                      message: c.code,
                      code: c.code,
                      ...(c.params ? { params: c.params } : {}),
                    }),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {editable ? (
        <Input.TextArea
          id={`plan-item-${k}-justification`}
          aria-label={t('targets.plans.cellLabel', {
            indicator: t('targets.indicatorLabel', { ...row.label }),
            column: t('targets.plans.justification'),
          })}
          placeholder={t('targets.plans.justificationHint')}
          status={missing ? 'error' : undefined}
          aria-invalid={missing || undefined}
          rows={2}
          maxLength={500}
          value={row.justification}
          onChange={(e) => onReason(e.target.value)}
        />
      ) : (
        <Typography.Text type={row.justification ? undefined : 'danger'}>
          {row.justification
            ? t('targets.plans.justificationIs', { reason: row.justification })
            : t('targets.plans.noJustification')}
        </Typography.Text>
      )}
    </Flex>
  );
}
