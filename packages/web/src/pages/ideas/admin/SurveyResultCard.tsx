import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart';
import { bar } from '../StatsCharts';
import { type SurveyResults, useCount } from '../shared';

type QuestionResult = SurveyResults['questions'][number];

/** Bars per option; counts are whole people, and long options wrap so the bars keep their room. */
function optionChart(q: QuestionResult) {
  const base = bar(
    q.options.map((o) => ({ key: o.option, n: o.count })),
    (option) => option,
    true,
  );
  return {
    ...base,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { ...base.yAxis, axisLabel: { width: 120, overflow: 'break' } },
  };
}

/** One question's results: a bar per option of a choice question, the latest answers of a text one. */
export function SurveyResultCard({ question: q, index }: { question: QuestionResult; index: number }) {
  const { t } = useTranslation();
  const count = useCount();
  const title = `${index + 1}. ${q.text}`;
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{title}</span>}
      extra={<Tag>{t(`ideas.surveyKind.${q.kind}`)}</Tag>}
      style={{ height: '100%' }}
      data-testid={`survey-result-${q.code}`}
    >
      <Typography.Paragraph type="secondary">
        {t('ideas.surveyResults.answered', { count: q.answered, n: count(q.answered) })}
      </Typography.Paragraph>
      {q.kind !== 'text' ? (
        <Chart option={optionChart(q)} height={Math.max(160, q.options.length * 36)} ariaLabel={q.text} />
      ) : q.texts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ideas.surveyResults.noTexts')} />
      ) : (
        <Flex vertical gap={8} style={{ maxHeight: 320, overflowY: 'auto' }}>
          <Typography.Text type="secondary">{t('ideas.surveyResults.latest')}</Typography.Text>
          {q.texts.map((text, i) => (
            // The same answer can come twice; its place in the list is what tells them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: answers are plain texts without ids
            <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {text}
            </Typography.Paragraph>
          ))}
        </Flex>
      )}
    </Card>
  );
}
