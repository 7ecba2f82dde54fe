import { Button, Flex, Form, type FormRule, Input, InputNumber, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { type CampaignInput, codePattern, repeated } from './campaignValues';

type ListName = 'domains' | 'rubric' | 'survey';
const cell = { marginBottom: 0 };

/** A row's code: the server's pattern, and unique within its list. */
export function useCodeRules(list: ListName): FormRule[] {
  const { t } = useTranslation();
  return [
    { required: true, message: t('ideas.campaigns.codeRequired') },
    { pattern: codePattern, message: t('ideas.campaigns.codePattern') },
    ({ getFieldValue }) => ({
      async validator(_, value?: string) {
        const rows = (getFieldValue(list) ?? []) as { code?: string }[];
        if (value && repeated(rows.map((r) => r?.code)).has(value.trim()))
          throw new Error(t('ideas.campaigns.codeRepeated'));
      },
    }),
  ];
}

function useNotEmpty() {
  const { t } = useTranslation();
  return [
    {
      async validator(_: unknown, rows?: unknown[]) {
        if (!rows?.length) throw new Error(t('ideas.campaigns.atLeastOne'));
      },
    },
  ];
}

/** The code and name of one row of a list (a domain, a criterion). */
function CodeNameCells({
  name,
  codeRules,
  codeLabel,
  nameLabel,
}: {
  name: number;
  codeRules: ReturnType<typeof useCodeRules>;
  codeLabel: string;
  nameLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={[name, 'code']} rules={codeRules} style={{ ...cell, ...codeNameWidth }}>
        <Input placeholder={t('ideas.campaigns.code')} aria-label={codeLabel} />
      </Form.Item>
      <Form.Item
        name={[name, 'name']}
        rules={[{ required: true, whitespace: true, max: 60 }]}
        style={{ ...cell, ...codeNameWidth }}
      >
        <Input placeholder={t('ideas.campaigns.name')} aria-label={nameLabel} maxLength={60} />
      </Form.Item>
    </>
  );
}

/**
 * The column names above a list's rows, which once filled show no placeholder; each input keeps
 * its own label for a screen reader, so this row is for the eye only.
 */
function HeaderRow({ cells, testId }: { cells: Array<[string, CSSProperties]>; testId: string }) {
  return (
    <Flex gap={8} wrap aria-hidden data-testid={testId}>
      {cells.map(([label, style]) => (
        <Typography.Text key={label} type="secondary" style={style}>
          {label}
        </Typography.Text>
      ))}
    </Flex>
  );
}

const codeNameWidth = { flex: '1 1 110px' };

/** The campaign's domains: code, name and a line of description each. */
export function DomainsField() {
  const { t } = useTranslation();
  const codeRules = useCodeRules('domains');
  const listRules = useNotEmpty();
  return (
    <Form.Item label={t('ideas.campaigns.domains')} required>
      <Form.List name="domains" rules={listRules}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid="campaign-domains">
            {fields.length > 0 && (
              <HeaderRow
                testId="campaign-domains-header"
                cells={[
                  [t('ideas.campaigns.code'), codeNameWidth],
                  [t('ideas.campaigns.name'), codeNameWidth],
                  [t('ideas.campaigns.description'), { flex: '2 1 180px' }],
                  // The remove buttons' column.
                  ['', { width: 64 }],
                ]}
              />
            )}
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} wrap align="start">
                <CodeNameCells
                  name={name}
                  codeRules={codeRules}
                  codeLabel={t('ideas.campaigns.domainCode')}
                  nameLabel={t('ideas.campaigns.domainName')}
                />
                <Form.Item
                  name={[name, 'description']}
                  rules={[{ max: 500 }]}
                  style={{ ...cell, flex: '2 1 180px' }}
                >
                  <Input
                    placeholder={t('ideas.campaigns.description')}
                    aria-label={t('ideas.campaigns.domainDescription')}
                    maxLength={500}
                  />
                </Form.Item>
                <Button onClick={() => remove(name)} disabled={fields.length <= 1}>
                  {t('ideas.campaigns.remove')}
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({ code: '', name: '', description: '' })}>
              {t('ideas.campaigns.addDomain')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The review criteria with their weights; totals are weighted means, so the weights need not add to 1. */
export function RubricField() {
  const { t } = useTranslation();
  const codeRules = useCodeRules('rubric');
  const listRules = useNotEmpty();
  const form = Form.useFormInstance<CampaignInput>();
  const rubric = Form.useWatch('rubric', form) ?? [];
  const sum = rubric.reduce((s, c) => s + (typeof c?.weight === 'number' ? c.weight : 0), 0);
  const share = (weight: unknown) =>
    typeof weight === 'number' && sum > 0 ? `${Math.round((weight / sum) * 100)}%` : '—';
  return (
    <Form.Item label={t('ideas.campaigns.rubric')} required>
      <Form.List name="rubric" rules={listRules}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid="campaign-rubric">
            {fields.length > 0 && (
              <HeaderRow
                testId="campaign-rubric-header"
                cells={[
                  [t('ideas.campaigns.code'), codeNameWidth],
                  [t('ideas.campaigns.name'), codeNameWidth],
                  [t('ideas.campaigns.weight'), { width: 100 }],
                  [t('ideas.campaigns.share'), { width: 40 }],
                  ['', { width: 64 }],
                ]}
              />
            )}
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} wrap align="center">
                <CodeNameCells
                  name={name}
                  codeRules={codeRules}
                  codeLabel={t('ideas.campaigns.criterionCode')}
                  nameLabel={t('ideas.campaigns.criterionName')}
                />
                <Form.Item
                  name={[name, 'weight']}
                  rules={[{ required: true, type: 'number', min: 0.001, max: 100 }]}
                  style={cell}
                >
                  <InputNumber
                    min={0.001}
                    max={100}
                    step={0.1}
                    placeholder={t('ideas.campaigns.weight')}
                    aria-label={t('ideas.campaigns.weight')}
                    style={{ width: 100 }}
                  />
                </Form.Item>
                <Typography.Text type="secondary" style={{ width: 40 }}>
                  {share(rubric[name]?.weight)}
                </Typography.Text>
                <Button onClick={() => remove(name)} disabled={fields.length <= 1}>
                  {t('ideas.campaigns.remove')}
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({ code: '', name: '', weight: 1 })}>
              {t('ideas.campaigns.addCriterion')}
            </Button>
            <Typography.Text type="secondary" data-testid="rubric-weight-sum">
              {t('ideas.campaigns.weightSum', { sum: Math.round(sum * 1000) / 1000 })}
            </Typography.Text>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
