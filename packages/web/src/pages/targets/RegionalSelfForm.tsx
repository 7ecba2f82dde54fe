import { regionalFigureBounds } from '@qianxing/core/targets';
import { Button, Card, Flex, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { useProblemHandler } from '../../components/useProblemHandler';
import type { RegionalReport } from './shared';

type Metric = RegionalReport['metrics'][number]['code'];

/**
 * The office types the district's own statistics for the year, one per indicator compared; saved
 * values are marked entered and replace generated ones. Starts from the values the report holds.
 */
export function RegionalSelfForm({ data, onSaved }: { data: RegionalReport; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const { message } = useFeedback();
  // At county level the office may also type a county's figures: there is no published dataset for them.
  const counties =
    data.level === 'county'
      ? [
          ...data.rows.filter((r) => !r.isSelf).map((r) => ({ id: r.regionId, name: r.regionName })),
          ...data.excluded
            .filter((e) => !data.rows.some((r) => r.isSelf && r.regionName === e.regionName))
            .map((e) => ({ id: e.regionId, name: e.regionName })),
        ]
      : [];
  const selfName = data.trends[0]?.series.find((s) => s.isSelf)?.regionName;
  const [target, setTarget] = useState<string>('');
  const targetName = counties.find((c) => c.id === target)?.name ?? selfName;
  const current = (metric: Metric) =>
    data.trends
      .find((x) => x.metric === metric)
      ?.series.find((s) => (target ? s.regionName === targetName : s.isSelf))
      ?.points.find((p) => p[0] === data.year)?.[1] ?? null;
  const [values, setValues] = useState<Partial<Record<Metric, number | null>>>({});
  const shown = (m: Metric) => (m in values ? values[m]! : current(m));
  const save = async () => {
    const entered = data.metrics.flatMap((m) => {
      const value = shown(m.code);
      return value === null ? [] : [{ metric: m.code, value }];
    });
    try {
      unwrap(
        await api.PUT('/api/v1/targets/regional/self-values', {
          body: { year: data.year, values: entered, ...(target ? { regionId: target } : {}) },
        }),
      );
      void message.success(t('targets.regional.entered', { year: data.year, count: entered.length }));
      setValues({});
      onSaved();
    } catch (error) {
      // A value's error is named by its indicator, as the field shows it (values.1.value → 第一产业占比).
      onProblem(error, undefined, (path) => {
        const metric = entered[Number(/^values\.(\d+)\./.exec(path)?.[1] ?? Number.NaN)]?.metric;
        return metric ? t(`targets.regional.metrics.${metric}`) : undefined;
      });
    }
  };
  return (
    <Card size="small" title={t('targets.regional.enterTitle', { year: data.year })}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('targets.regional.enterHint')}</Typography.Text>
        {counties.length > 0 && (
          <Select
            aria-label={t('targets.regional.enterRegion')}
            value={target}
            onChange={(v) => {
              setTarget(v);
              setValues({});
            }}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%', maxWidth: 320 }}
            options={[
              { value: '', label: selfName ?? t('targets.regional.self') },
              ...counties.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        )}
        <Flex wrap gap={8}>
          {/* Each field named by its label; a share is held to 0-100 and any other figure to the
              server's bounds: a figure typed beyond them is brought back to the nearest on leaving. */}
          {data.metrics.map((m) => {
            const { min, max } = regionalFigureBounds(m.code, m.measure);
            return (
              <Flex key={m.code} vertical gap={2} style={{ width: '100%', maxWidth: 360 }}>
                <label htmlFor={`regional-value-${m.code}`}>{t(`targets.regional.metrics.${m.code}`)}</label>
                <InputNumber<number>
                  id={`regional-value-${m.code}`}
                  min={min}
                  max={max}
                  value={shown(m.code)}
                  onChange={(v) => setValues((s) => ({ ...s, [m.code]: v }))}
                  style={{ width: '100%' }}
                />
              </Flex>
            );
          })}
        </Flex>
        <div>
          <Button type="primary" onClick={save}>
            {t('targets.regional.enterSave')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
