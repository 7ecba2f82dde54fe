import { Button, Flex, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorLabel, PlanItem, Region } from './shared';

/** A plan's row on screen: what the server keeps, blanks as null, and the indicator's label. */
export type PlanRow = Omit<PlanItem, 'targets'> & { targets: (number | null)[]; label: IndicatorLabel };

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
  const status = (path: string) => (missing.has(path) ? 'error' : undefined);
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
      <InputNumber
        id={id}
        aria-label={label}
        size="small"
        value={value}
        disabled={!editable}
        status={status(path)}
        aria-invalid={missing.has(path) || undefined}
        onChange={(v) => onChange(v === null || v === undefined ? null : Number(v))}
        style={{ width: 96 }}
      />
    );
  };
  const columns: ColumnsType<PlanRow> = [
    {
      title: t('targets.indicators.name'),
      key: 'label',
      render: (_, r) => indicatorOf(r),
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
          style={{ width: 150 }}
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
        <InputNumber
          id={`plan-item-${k}-benchmark`}
          aria-label={cellLabel(r, t('targets.plans.benchmarkValue'))}
          size="small"
          disabled={!editable}
          status={status(`items.${k}.benchmarkValue`)}
          value={r.benchmarkValue}
          onChange={(v) =>
            onPatch(k, { benchmarkValue: v === null ? null : Number(v) }, `items.${k}.benchmarkValue`)
          }
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
      render: (_, _r, k) => (
        <Button size="small" type="link" danger onClick={() => onRemove(k)}>
          {t('targets.remove')}
        </Button>
      ),
    });
  const table = (
    <Table<PlanRow>
      rowKey="indicatorId"
      size="small"
      dataSource={rows}
      pagination={false}
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
