import { Button, Card, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { ProjectPicker } from './ProjectPicker';
import type { StudyVisit } from './shared';

interface Values {
  practices: Array<{ title: string; description?: string; sourcePlace: string; projectIds?: string[] }>;
  insights: Array<{ text: string }>;
  reportSummary?: string;
}

/**
 * What a done visit brought back, edited together and saved whole: the practices (each from one of
 * the destinations, with the projects it inspired), the insights and the report's summary.
 */
export function LearningEditor({ visit, onSaved }: { visit: StudyVisit; onSaved(v: StudyVisit): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const known = visit.practices.flatMap((p) => p.projects);
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const body = {
      practices: (v.practices ?? []).map((p) => ({
        title: p.title,
        description: p.description ?? '',
        sourcePlace: p.sourcePlace,
        projectIds: p.projectIds ?? [],
      })),
      insights: (v.insights ?? []).map((i) => i.text),
      reportSummary: v.reportSummary ?? '',
    };
    onSaved(
      unwrap(
        await api.PUT('/api/v1/reforms/study/visits/{id}/learning', {
          params: { path: { id: visit.id } },
          body,
        }),
      ),
    );
  });
  const required = [{ required: true, message: t('errors.field.required') }];
  const initial: Values = {
    practices: visit.practices.map((p) => ({ ...p, projectIds: p.projects.map((x) => x.id) })),
    insights: visit.insights.map((i) => ({ text: i.text })),
    reportSummary: visit.reportSummary,
  };
  return (
    <Form form={form} name="studyLearning" layout="vertical" onFinish={submit} initialValues={initial}>
      <Form.List name="practices">
        {(fields, { add, remove }) => (
          <Card size="small" title={t('reforms.learning.practices')}>
            {fields.map(({ key, name }, i) => (
              <Card
                key={key}
                size="small"
                type="inner"
                title={t('reforms.learning.practiceN', { n: i + 1 })}
                style={{ marginBottom: 12 }}
                extra={
                  <Button size="small" onClick={() => remove(name)}>
                    {t('reforms.learning.remove')}
                  </Button>
                }
              >
                <Form.Item
                  name={[name, 'title']}
                  label={t('reforms.learning.practiceTitle')}
                  rules={required}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[name, 'sourcePlace']}
                  label={t('reforms.learning.sourcePlace')}
                  rules={required}
                >
                  <Select options={visit.destinations.map((d) => ({ value: d, label: d }))} />
                </Form.Item>
                <Form.Item name={[name, 'description']} label={t('reforms.learning.description')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Form.Item name={[name, 'projectIds']} label={t('reforms.learning.inspired')}>
                  <ProjectPicker known={known} label={t('reforms.learning.inspired')} />
                </Form.Item>
              </Card>
            ))}
            <Button type="dashed" onClick={() => add({ title: '', sourcePlace: visit.destinations[0] })}>
              {t('reforms.learning.addPractice')}
            </Button>
          </Card>
        )}
      </Form.List>
      <Form.List name="insights">
        {(fields, { add, remove }) => (
          <Card size="small" title={t('reforms.learning.insights')} style={{ marginTop: 16 }}>
            {fields.map(({ key, name }, i) => (
              <Flex key={key} gap={8} align="start">
                <Form.Item name={[name, 'text']} rules={required} style={{ flex: 1 }}>
                  <Input.TextArea
                    rows={2}
                    maxLength={1000}
                    aria-label={t('reforms.learning.insightN', { n: i + 1 })}
                  />
                </Form.Item>
                <Button onClick={() => remove(name)}>{t('reforms.learning.remove')}</Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({ text: '' })}>
              {t('reforms.learning.addInsight')}
            </Button>
          </Card>
        )}
      </Form.List>
      <Form.Item name="reportSummary" label={t('reforms.learning.reportSummary')} style={{ marginTop: 16 }}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('reforms.learning.saveLearning')}
      </Button>
    </Form>
  );
}
