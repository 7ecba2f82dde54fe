import { Flex, Form, Input, Modal, Radio, Select, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useUnits } from '../../api/useUnits';
import { useFeedback } from '../../components/Feedback';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useSession } from '../../session/SessionContext';
import { useDebounced } from '../ideas/useDebounced';
import { buildUnitTree, unitTreeOptions } from '../units/unitTree';
import { projectSources, useLoad } from './shared';

type Adoption = components['schemas']['ReformAdoption'];
type Mode = 'new' | 'project' | 'battle';
type ProjectFields = Omit<
  components['schemas']['ReformProjectInput'],
  'coUnitIds' | 'pilotLevel' | 'pilotStatus'
>;
interface Values {
  suggestionId: string;
  projectId?: string;
  battleId?: string;
  project?: ProjectFields;
}

/** The fields of a new project for the suggestion: as the ledger's form, its name the suggestion's. */
function NewProjectFields() {
  const { t } = useTranslation();
  const api = useApi();
  const unitList = useUnits();
  const { units } = unitList;
  const tree = useMemo(() => unitTreeOptions(buildUnitTree(units)), [units]);
  const lists = useLoad(async () => unwrap(await api.GET('/api/v1/reforms/lists')), ['reform-lists']);
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <>
      <Form.Item name={['project', 'code']} label={t('reforms.project.code')} rules={required}>
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item name={['project', 'name']} label={t('reforms.project.name')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <FieldLoadFailed load={lists} />
      <Form.Item name={['project', 'listId']} label={t('reforms.project.list')} rules={required}>
        <Select
          data-testid="reform-adopt-list"
          options={(lists.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        />
      </Form.Item>
      <Form.Item name={['project', 'source']} label={t('reforms.project.source')} rules={required}>
        <Select options={projectSources.map((s) => ({ value: s, label: t(`reforms.sources.${s}`) }))} />
      </Form.Item>
      <FieldLoadFailed load={unitList} />
      <Form.Item name={['project', 'leadUnitId']} label={t('reforms.project.leadUnit')} rules={required}>
        <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name={['project', 'startDate']} label={t('reforms.project.startDate')} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name={['project', 'endDate']} label={t('reforms.project.endDate')} rules={required}>
          <Input type="date" />
        </Form.Item>
      </Flex>
      <Form.Item name={['project', 'goal']} label={t('reforms.project.goal')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** An existing project, searched by name or code. */
function ProjectPicker() {
  const { t } = useTranslation();
  const api = useApi();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/reforms/projects', { params: { query: { q, pageSize: 20 } } })).items,
    ['adopt-projects', q],
  );
  return (
    <>
      <FieldLoadFailed load={found} />
      <Form.Item name="projectId" label={t('reforms.adoption.project')} rules={[{ required: true }]}>
        <Select
          data-testid="reform-adopt-project"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={(found.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
        />
      </Form.Item>
    </>
  );
}

function BattlePicker() {
  const { t } = useTranslation();
  const api = useApi();
  const battles = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/battles')).battles,
    ['adopt-battles'],
  );
  return (
    <>
      <FieldLoadFailed load={battles} />
      <Form.Item name="battleId" label={t('reforms.adoption.battle')} rules={[{ required: true }]}>
        <Select
          data-testid="reform-adopt-battle"
          options={(battles.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
        />
      </Form.Item>
    </>
  );
}

/** What an adopted suggestion already became, so the office does not link it twice. */
function Became({ adoption }: { adoption: Adoption }) {
  const { t } = useTranslation();
  if (adoption.projects.length === 0 && adoption.battles.length === 0)
    return <Typography.Text type="secondary">{t('reforms.adoption.none')}</Typography.Text>;
  return (
    <Flex gap={4} wrap data-testid="reform-adopt-became">
      {adoption.projects.map((p) => (
        <Tag key={p.id} color="blue">
          {p.name}
        </Tag>
      ))}
      {adoption.battles.map((b) => (
        <Tag key={b.id} color="volcano">
          {b.name}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * Adoption into the reforms (采纳转化): an adopted suggestion becomes a new reform project on a
 * list, joins an existing project, or becomes a task of a key battle. The modes offered are the
 * ones the session's abilities allow; the server checks each again.
 */
export function ReformAdoptModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { can } = useSession();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const modes = (['new', 'project', 'battle'] as const).filter((m) =>
    m === 'battle' ? can('battle.write') : can('suggestion.adopt'),
  );
  const [mode, setMode] = useState<Mode>(modes[0] ?? 'battle');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/adoptions', { params: { query: { q } } })),
    ['adoptions', q],
  );
  const chosenId = Form.useWatch('suggestionId', form);
  const chosen = found.data?.find((s) => s.suggestionId === chosenId);
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    if (mode === 'new')
      unwrap(
        await api.POST('/api/v1/reforms/adoptions/new-project', {
          body: {
            suggestionId: v.suggestionId,
            project: {
              ...v.project!,
              goal: v.project?.goal ?? '',
              coUnitIds: [],
              pilotLevel: null,
              pilotStatus: null,
            },
          },
        }),
      );
    else if (mode === 'project')
      unwrap(
        await api.POST('/api/v1/reforms/adoptions/projects', {
          body: { suggestionId: v.suggestionId, projectId: v.projectId! },
        }),
      );
    else
      unwrap(
        await api.POST('/api/v1/reforms/adoptions/battles', {
          body: { suggestionId: v.suggestionId, battleId: v.battleId! },
        }),
      );
    void message.success(t('reforms.adoption.done'));
    onClose();
  });
  return (
    <Modal
      open={open}
      title={t('reforms.adoption.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('reforms.adoption.save')}
      okButtonProps={{ loading: busy, id: 'reform-adopt-save' }}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        name="reformAdopt"
        layout="vertical"
        onFinish={submit}
        initialValues={{ project: { source: 'local', goal: '' } }}
      >
        {/* Said above the choice: an empty list would read as no suggestion adopted yet. */}
        <FieldLoadFailed load={found} />
        <Form.Item name="suggestionId" label={t('reforms.adoption.suggestion')} rules={[{ required: true }]}>
          <Select
            data-testid="reform-adopt-suggestion"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={(found.data ?? []).map((s) => ({ value: s.suggestionId, label: s.title }))}
            onChange={(id) =>
              form.setFieldValue(['project', 'name'], found.data?.find((s) => s.suggestionId === id)?.title)
            }
          />
        </Form.Item>
        {chosen && (
          <Form.Item label={t('reforms.adoption.already')}>
            <Became adoption={chosen} />
          </Form.Item>
        )}
        <Form.Item label={t('reforms.adoption.as')}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
            {modes.map((m) => (
              <Radio.Button key={m} value={m} data-testid={`reform-adopt-mode-${m}`}>
                {t(`reforms.adoption.modes.${m}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {mode === 'new' && <NewProjectFields />}
        {mode === 'project' && <ProjectPicker />}
        {mode === 'battle' && <BattlePicker />}
      </Form>
    </Modal>
  );
}
