import { Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useFeedback } from '../../components/Feedback';

type Survey = components['schemas']['BusinessSurvey'];
type Question = components['schemas']['BusinessSurveyQuestion'];
export type DepartmentAnswer = components['schemas']['BusinessSurveyDepartmentAnswer'];

const levels = [1, 2, 3, 4, 5] as const;

/** A question in the reader's language (the English text when there is one). */
export const questionText = (q: Pick<Question, 'text' | 'textEn'>, language: string) =>
  language.startsWith('en') && q.textEn ? q.textEn : q.text;

/**
 * The answer to a survey, department by department: each question scored 1–5 with a labelled
 * radio button (a phone's thumb and a screen reader both find them), and a comment. A
 * department left blank is left out; one half answered, or commented on without scores, is
 * refused before anything is sent.
 */
export function SurveyAnswerForm({
  survey,
  busy,
  onSubmit,
}: {
  survey: Survey;
  busy: boolean;
  onSubmit: (departments: DepartmentAnswer[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [scores, setScores] = useState<Record<string, Record<string, number>>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const submit = () => {
    const answers: DepartmentAnswer[] = [];
    for (const d of survey.departments) {
      const given = scores[d.departmentId] ?? {};
      const asked = [...survey.questions, ...d.extraQuestions];
      const count = asked.filter((q) => given[q.id] !== undefined).length;
      if (count === 0) {
        // A comment is kept only beside scores: unsent, it would be lost without a word.
        if (comments[d.departmentId]?.trim()) {
          void message.error(t('business.surveys.commentWithoutScores', { department: d.departmentName }));
          return;
        }
        continue;
      }
      if (count < asked.length) {
        void message.error(t('business.surveys.incomplete', { department: d.departmentName }));
        return;
      }
      answers.push({ departmentId: d.departmentId, scores: given, comment: comments[d.departmentId] ?? '' });
    }
    if (answers.length === 0) {
      void message.error(t('business.surveys.nothing'));
      return;
    }
    onSubmit(answers);
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('business.surveys.skipHint')}</Typography.Text>
      {survey.departments.map((d) => (
        <Card key={d.departmentId} size="small" title={d.departmentName} data-testid="survey-department">
          <Flex vertical gap={8}>
            {[...survey.questions, ...d.extraQuestions].map((q) => {
              const label = questionText(q, i18n.language);
              return (
                <div key={q.id}>
                  <Typography.Text strong>{label}</Typography.Text>
                  <br />
                  <Radio.Group
                    aria-label={t('business.surveys.scoreOf', { question: `${d.departmentName} ${label}` })}
                    optionType="button"
                    size="small"
                    value={scores[d.departmentId]?.[q.id]}
                    onChange={(e) =>
                      setScores((all) => ({
                        ...all,
                        [d.departmentId]: { ...all[d.departmentId], [q.id]: e.target.value as number },
                      }))
                    }
                    options={levels.map((n) => ({
                      value: n,
                      label: `${n} ${t(`business.surveys.scoreLabels.${n}`)}`,
                    }))}
                  />
                </div>
              );
            })}
            <Input.TextArea
              aria-label={`${d.departmentName} ${t('business.surveys.comment')}`}
              placeholder={t('business.surveys.comment')}
              maxLength={500}
              rows={2}
              value={comments[d.departmentId] ?? ''}
              onChange={(e) => setComments((all) => ({ ...all, [d.departmentId]: e.target.value }))}
            />
          </Flex>
        </Card>
      ))}
      <Button type="primary" block loading={busy} onClick={submit} data-testid="survey-submit">
        {t('business.surveys.submit')}
      </Button>
    </Flex>
  );
}
