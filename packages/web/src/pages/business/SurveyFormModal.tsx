import { Button, Card, Flex, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useUnits } from '../../api/useUnits';
import { periodInChina } from '../../components/dayInChina';
import { FieldLoadFailed, LoadFailed } from '../../components/LoadFailed';
import { RowActionButton, rowAction } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useLoad } from '../../components/useLoad';

type Survey = components['schemas']['BusinessSurvey'];
type SurveyInput = components['schemas']['BusinessSurveyInput'];
type Question = components['schemas']['BusinessSurveyQuestion'];
type Values = Omit<SurveyInput, 'questions' | 'departments'> & {
  questions: Question[];
  departments: Array<{ departmentId: string; extraQuestions?: Array<Partial<Question>> }>;
};

const audiences = ['both', 'firms', 'public'] as const;

/**
 * Every question keeps its key (an answer's scores are by key); a new one gets the first free
 * `qN` (common) or `extraN` (a department's), never one in use.
 */
function keyed(
  questions: Array<Partial<Question>> | undefined,
  prefix: string,
  taken: Set<string>,
): Question[] {
  const list = questions ?? [];
  for (const q of list) if (q.id) taken.add(q.id);
  let n = 0;
  const next = () => {
    do n += 1;
    while (taken.has(`${prefix}${n}`));
    taken.add(`${prefix}${n}`);
    return `${prefix}${n}`;
  };
  return list.map((q) => ({ id: q.id || next(), text: q.text ?? '', textEn: q.textEn ?? '' }));
}

const withKeys = (v: Values): SurveyInput => {
  const common = new Set<string>();
  const questions = keyed(v.questions, 'q', common);
  return {
    title: v.title,
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    audience: v.audience,
    questions,
    departments: v.departments.map((d) => ({
      departmentId: d.departmentId,
      extraQuestions: keyed(d.extraQuestions, 'extra', new Set(common)),
    })),
  };
};

/**
 * The questions of a list, each with its remove button named by the question (or, before it has
 * words, its place): `at` is the list's whole path in the form, `name` the one its Form.List takes.
 */
function QuestionList({
  name,
  at,
  label,
  owner,
}: {
  name: (string | number)[];
  at: (string | number)[];
  label: string;
  /** The department whose extra questions these are (its name, or its place); none for the common ones. */
  owner?: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const questions = Form.useWatch(at, form) as Array<Partial<Question> | undefined> | undefined;
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          {/* One question a row, the button to add one under the last; each box says its language,
              as a filled box shows no placeholder. */}
          <Flex vertical>
            {fields.map((f, i) => {
              // Each box is named by its place, so that the boxes are told apart when heard.
              const place = t('business.surveys.questionNumber', { n: i + 1 });
              const where = owner ? `${owner} ${place}` : place;
              return (
                <Space key={f.key} align="baseline" wrap>
                  {/* Kept so that an edited question keeps its key; not for editing. */}
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} rules={[{ required: true, min: 2 }]}>
                    <Input
                      aria-label={rowAction(t, t('business.surveys.fields.question'), where)}
                      placeholder={t('business.surveys.fields.question')}
                      prefix={
                        <Typography.Text type="secondary">{t('business.surveys.fields.zh')}</Typography.Text>
                      }
                      maxLength={60}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'textEn']}>
                    <Input
                      aria-label={rowAction(t, t('business.surveys.fields.questionEn'), where)}
                      placeholder={t('business.surveys.fields.questionEn')}
                      prefix={
                        <Typography.Text type="secondary">{t('business.surveys.fields.en')}</Typography.Text>
                      }
                      maxLength={120}
                    />
                  </Form.Item>
                  <RowActionButton
                    size="middle"
                    onClick={() => remove(f.name)}
                    action={t('business.surveys.remove')}
                    row={questions?.[f.name]?.text?.trim() || place}
                  />
                </Space>
              );
            })}
            <Button
              type="dashed"
              onClick={() => add({ text: '', textEn: '' })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('business.surveys.addQuestion')}
            </Button>
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}

/** The office drafts or edits a survey: period, who answers, common questions, departments and their extras. */
export function SurveyFormModal({
  survey,
  onClose,
  onSaved,
}: {
  survey: Survey | 'new';
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('departments', form) as Values['departments'] | undefined;
  const unitList = useUnits();
  const { units } = unitList;
  const defaults = useLoad(async () => unwrap(await api.GET('/api/v1/business/survey-questions')), []);
  const departments = units
    .filter((u) => u.kind === 'department')
    .map((u) => ({ value: u.id, label: u.name }));
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const body = withKeys(v);
    if (survey === 'new') unwrap(await api.POST('/api/v1/business/surveys', { body }));
    else
      unwrap(await api.PUT('/api/v1/business/surveys/{id}', { params: { path: { id: survey.id } }, body }));
    onSaved();
  });
  if (survey === 'new' && !defaults.data)
    // A new survey starts from the common questions: without them, the failure and a retry, not a
    // form that would start empty.
    return defaults.failed && !defaults.loading ? (
      <Modal open title={t('business.surveys.new')} onCancel={onClose} footer={null} destroyOnHidden>
        <LoadFailed onRetry={() => void defaults.reload()} />
      </Modal>
    ) : null;
  const initial: Values =
    survey === 'new'
      ? {
          title: '',
          // The quarter of today, the period a new survey most often covers.
          ...quarterFields(periodInChina(new Date().toISOString(), 'quarter')),
          audience: 'both',
          questions: defaults.data ?? [],
          departments: [],
        }
      : { ...survey, departments: survey.departments };
  return (
    <Modal
      open
      width={760}
      title={t(survey === 'new' ? 'business.surveys.new' : 'business.surveys.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, id: 'survey-save' }}
      destroyOnHidden
    >
      <Form form={form} name="survey" layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item
          name="title"
          label={t('business.surveys.fields.title')}
          rules={[{ required: true, min: 2 }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="opensOn" label={t('business.surveys.fields.opensOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="closesOn"
            label={t('business.surveys.fields.closesOn')}
            rules={[{ required: true }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="audience" label={t('business.surveys.fields.audience')}>
            <Select
              aria-label={t('business.surveys.fields.audience')}
              style={{ width: 180 }}
              options={audiences.map((a) => ({ value: a, label: t(`business.surveys.audience.${a}`) }))}
            />
          </Form.Item>
        </Space>
        <QuestionList
          name={['questions']}
          at={['questions']}
          label={t('business.surveys.fields.questions')}
        />
        <Form.List name="departments">
          {(fields, { add, remove }) => (
            <Form.Item label={t('business.surveys.fields.departments')}>
              <FieldLoadFailed load={unitList} />
              {fields.map((f, i) => {
                const department =
                  departments.find((d) => d.value === chosen?.[f.name]?.departmentId)?.label ??
                  t('business.surveys.departmentNumber', { n: i + 1 });
                return (
                  <Card key={f.key} size="small" style={{ marginBottom: 8 }}>
                    <Space align="baseline" wrap>
                      <Form.Item name={[f.name, 'departmentId']} rules={[{ required: true }]}>
                        <Select
                          aria-label={rowAction(
                            t,
                            t('business.surveys.fields.department'),
                            t('business.surveys.departmentNumber', { n: i + 1 }),
                          )}
                          style={{ width: 260 }}
                          showSearch
                          optionFilterProp="label"
                          options={departments}
                        />
                      </Form.Item>
                      <RowActionButton
                        size="middle"
                        onClick={() => remove(f.name)}
                        action={t('business.surveys.remove')}
                        row={department}
                      />
                    </Space>
                    <QuestionList
                      name={[f.name, 'extraQuestions']}
                      at={['departments', f.name, 'extraQuestions']}
                      label={t('business.surveys.fields.extra')}
                      owner={department}
                    />
                  </Card>
                );
              })}
              <Button type="dashed" onClick={() => add({ extraQuestions: [] })}>
                {t('business.surveys.addDepartment')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

const quarterFields = ({ first, last }: { first: string; last: string }) => ({
  opensOn: first,
  closesOn: last,
});
