import { limits } from '@qianxing/core/limits';
import { Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** "3", "0.5" or a fraction such as "1/3", as a number; null when it is none of these. */
export function judgementValue(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(text);
  if (!m) return null;
  const value = m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
  return Number.isFinite(value) ? value : null;
}

/** Saaty's scale runs from 1/9 to 9. */
const onSaatyScale = (x: number) => x >= 1 / 9 - 1e-9 && x <= 9;
/** A weight set by hand, within the bounds the server takes. */
const isWeight = (x: number) => x >= limits.regionalWeight.min && x <= limits.regionalWeight.max;

/**
 * What the judgements typed amount to for `n` indicators: AHP needs n·(n−1)/2 pairwise values
 * (the upper triangle by row) on Saaty's scale, weights by hand one per indicator. `send` is
 * what the query carries: undefined for none typed (equal weights), null while incomplete or wrong.
 */
export function judgementsFor(method: 'ahp' | 'manual', n: number, tags: string[]) {
  const needed = method === 'ahp' ? (n * (n - 1)) / 2 : n;
  const values = tags.map(judgementValue);
  const bad = tags.filter((_, k) => {
    const v = values[k];
    return v === null || v === undefined || !(method === 'ahp' ? onSaatyScale(v) : isWeight(v));
  });
  const send =
    tags.length === 0 ? undefined : tags.length === needed && bad.length === 0 ? values.join(',') : null;
  return { needed, bad, send };
}

interface Props {
  method: 'ahp' | 'manual';
  n: number;
  tags: string[];
  onChange: (tags: string[]) => void;
}

/** The AHP judgements or hand-set weights, saying beside the field how many are needed and how many are in. */
export function RegionalJudgements({ method, n, tags, onChange }: Props) {
  const { t } = useTranslation();
  const { needed, bad } = judgementsFor(method, n, tags);
  const label = t(method === 'ahp' ? 'targets.regional.ahpHint' : 'targets.regional.weightsHint');
  return (
    <Flex vertical gap={4} style={{ minWidth: 260, maxWidth: 520 }}>
      <Select
        aria-label={label}
        aria-describedby="regional-judgements-help"
        mode="tags"
        placeholder={label}
        value={tags}
        onChange={onChange}
        open={false}
        tokenSeparators={[',', '，', ' ']}
      />
      <Typography.Text type="secondary" id="regional-judgements-help" data-testid="judgements-help">
        {t(method === 'ahp' ? 'targets.regional.ahpNeeded' : 'targets.regional.weightsNeeded', {
          n,
          needed,
          count: tags.length,
        })}
      </Typography.Text>
      {bad.length > 0 && (
        <Typography.Text type="danger" data-testid="judgements-bad">
          {t(method === 'ahp' ? 'targets.regional.notOnScale' : 'targets.regional.notAWeight', {
            values: bad.join(t('targets.regional.listSeparator')),
            max: limits.regionalWeight.max,
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}
