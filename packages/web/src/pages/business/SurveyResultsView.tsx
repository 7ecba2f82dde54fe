import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { Chart } from '../../components/Chart';
import { namedExpandIcon } from '../../components/RowExpandIcon';
import { questionText } from './SurveyAnswerForm';

type Results = components['schemas']['BusinessSurveyResults'];
type Line = Results['departments'][number];

const fixed = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));
const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** A survey's results: each department's mean, share of 4s and 5s and sample size, and a chart. */
export function SurveyResultsView({ results }: { results: Results }) {
  const { t, i18n } = useTranslation();
  const lines = [...results.departments].sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0));
  const questions = results.departments[0]?.questions.slice(0, 12) ?? [];
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 1, max: 5 },
    yAxis: { type: 'category', data: [...lines].reverse().map((l) => l.departmentName) },
    series: [
      {
        type: 'bar',
        name: t('business.surveys.mean'),
        data: [...lines].reverse().map((l) => (l.mean === null ? null : Math.round(l.mean * 100) / 100)),
      },
    ],
  };
  return (
    <>
      <Table<Line>
        rowKey="departmentId"
        size="small"
        pagination={false}
        dataSource={lines}
        data-testid="survey-results"
        expandable={{
          expandIcon: namedExpandIcon(t, (l: (typeof lines)[number]) => l.departmentName),
          expandedRowRender: (l) => (
            <ul style={{ margin: 0 }}>
              {l.questions.map((q) => (
                <li key={q.questionId}>
                  {questionText(q, i18n.language)}: {fixed(q.mean)}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: t('business.scorecard.department'), dataIndex: 'departmentName' },
          { title: t('business.surveys.mean'), key: 'mean', render: (_, l) => fixed(l.mean) },
          {
            title: t('business.surveys.share'),
            key: 'share',
            render: (_, l) => percent(l.satisfactionShare),
          },
          {
            title: t('business.surveys.fields.answers'),
            key: 'n',
            render: (_, l) =>
              t('business.surveys.sample', { n: l.firms + l.public, firms: l.firms, public: l.public }),
          },
        ]}
      />
      {questions.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {questions.map((q) => questionText(q, i18n.language)).join(' · ')}
        </Typography.Paragraph>
      )}
      <Chart
        option={option}
        height={Math.max(240, lines.length * 28 + 40)}
        ariaLabel={t('business.surveys.chart')}
      />
    </>
  );
}
