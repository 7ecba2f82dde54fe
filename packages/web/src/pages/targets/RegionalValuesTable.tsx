import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionalReport } from './shared';

type Provenance = RegionalReport['rows'][number]['provenance'][number];
const colours: Record<Provenance, string> = { real: 'green', entered: 'blue', generated: 'orange' };
const num = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** A value's origin as a short tag; the legend spells out each one. */
export function ProvenanceTag({ of }: { of: Provenance }) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[of]} data-testid="provenance" data-provenance={of}>
      {t(`targets.regional.provenance.${of}`)}
    </Tag>
  );
}

/**
 * The ranking with every value and where it came from, warning first if the district's own
 * values are made up (and asking for real ones only those who may enter them: `canEnter`).
 */
export function RegionalValuesTable({ data, canEnter }: { data: RegionalReport; canEnter: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {data.selfGenerated.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="generated-warning"
          title={t('targets.regional.generatedWarning', {
            metrics: data.selfGenerated
              .map((m) => t(`targets.regional.metrics.${m}`))
              .join(t('targets.regional.listSeparator')),
          })}
          description={canEnter ? t('targets.regional.generatedEnter') : undefined}
        />
      )}
      {data.excluded.length > 0 && (
        <Alert
          type="info"
          data-testid="excluded"
          title={t('targets.regional.excludedNote', {
            regions: data.excluded.map((e) => e.regionName).join(t('targets.regional.listSeparator')),
          })}
        />
      )}
      <Typography.Text type="secondary" data-testid="provenance-legend">
        {t('targets.regional.provenance.legend')}{' '}
        {(['real', 'entered', 'generated'] as const).map((p) => (
          <span key={p}>
            <ProvenanceTag of={p} />
            {t(`targets.regional.provenance.${p}Means`)}{' '}
          </span>
        ))}
      </Typography.Text>
      {/* Eight or more value columns overflow: the scrolling box is focusable so a keyboard can scroll it. */}
      <Flex
        vertical
        tabIndex={0}
        role="region"
        aria-label={t('targets.regional.valuesTable')}
        style={{ overflowX: 'auto' }}
      >
        <Table
          rowKey="regionId"
          size="small"
          pagination={false}
          dataSource={data.rows}
          onRow={(r) =>
            ({ 'data-testid': 'regional-row', style: r.isSelf ? { fontWeight: 600 } : undefined }) as never
          }
          columns={[
            { title: t('targets.regional.rank'), dataIndex: 'rank' },
            { title: t('targets.regional.region'), dataIndex: 'regionName' },
            ...data.metrics.map((m, j) => ({
              title: `${t(`targets.regional.metrics.${m.code}`)} · ${t(m.direction === 1 ? 'targets.directions.higher' : 'targets.directions.lower')}`,
              key: m.code,
              render: (_: unknown, r: RegionalReport['rows'][number]) => (
                <span>
                  {num(r.values[j]!)} <ProvenanceTag of={r.provenance[j]!} />
                </span>
              ),
            })),
            { title: t('targets.regional.score'), dataIndex: 'score', render: num },
          ]}
        />
      </Flex>
    </Flex>
  );
}
