import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useUnits } from '../../api/useUnits';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { buildUnitTree, unitTreeOptions } from '../units/unitTree';
import { pilotLevels, pilotStatuses, projectSources, type ReformList, type ReformProject } from './shared';

interface Values {
  code: string;
  name: string;
  listId: string;
  source: (typeof projectSources)[number];
  leadUnitId: string;
  coUnitIds: string[];
  startDate: string;
  endDate: string;
  goal: string;
  pilotLevel: (typeof pilotLevels)[number] | null;
  pilotStatus: (typeof pilotStatuses)[number] | null;
}

/**
 * A project's details: a new one (the reform office), or an existing one. The fields only the
 * office sets are read-only to a lead unit (`assign` false); the server checks the same.
 */
export function ProjectFormModal({
  open,
  project,
  lists,
  assign,
  onClose,
  onSaved,
}: {
  open: boolean;
  project: ReformProject | null;
  lists: ReformList[];
  assign: boolean;
  onClose(): void;
  onSaved(id: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const unitList = useUnits();
  const { units } = unitList;
  const tree = useMemo(() => unitTreeOptions(buildUnitTree(units)), [units]);
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const body = {
      ...v,
      goal: v.goal ?? '',
      coUnitIds: v.coUnitIds ?? [],
      pilotLevel: v.pilotLevel ?? null,
      pilotStatus: v.pilotStatus ?? null,
    };
    if (!project) {
      onSaved(unwrap(await api.POST('/api/v1/reforms/projects', { body })).id);
      return;
    }
    // A lead unit sends only what it may change.
    const { coUnitIds, startDate, goal } = body;
    const patch = assign ? body : { coUnitIds, startDate, goal };
    onSaved(
      unwrap(
        await api.PATCH('/api/v1/reforms/projects/{id}', {
          params: { path: { id: project.id } },
          body: patch,
        }),
      ).id,
    );
  });
  const initial: Partial<Values> = project
    ? { ...project, coUnitIds: project.coUnits.map((u) => u.id) }
    : { source: 'local', coUnitIds: [], pilotLevel: null, pilotStatus: null, goal: '' };
  const office = !project || assign;
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <Modal
      open={open}
      title={t(project ? 'reforms.project.edit' : 'reforms.ledger.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, id: 'reform-project-save' }}
      destroyOnHidden
      width={640}
    >
      <Form form={form} name="reformProject" layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="code" label={t('reforms.project.code')} rules={required}>
          <Input disabled={!office} autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('reforms.project.name')} rules={required}>
          <Input disabled={!office} maxLength={200} />
        </Form.Item>
        <Form.Item name="listId" label={t('reforms.project.list')} rules={required}>
          <Select disabled={!office} options={lists.map((l) => ({ value: l.id, label: l.name }))} />
        </Form.Item>
        <Form.Item name="source" label={t('reforms.project.source')} rules={required}>
          <Select
            disabled={!office}
            options={projectSources.map((s) => ({ value: s, label: t(`reforms.sources.${s}`) }))}
          />
        </Form.Item>
        <FieldLoadFailed load={unitList} />
        <Form.Item name="leadUnitId" label={t('reforms.project.leadUnit')} rules={required}>
          <TreeSelect
            disabled={!office}
            treeData={tree}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll={false}
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('reforms.project.coUnits')}>
          <TreeSelect treeData={tree} multiple showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="startDate" label={t('reforms.project.startDate')} rules={required}>
          {/* A lead unit may move its start earlier only: a later start would drop months it owes reports for. */}
          <Input type="date" max={office ? undefined : project?.startDate} />
        </Form.Item>
        <Form.Item name="endDate" label={t('reforms.project.endDate')} rules={required}>
          <Input type="date" disabled={!office} />
        </Form.Item>
        <Form.Item name="goal" label={t('reforms.project.goal')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="pilotLevel" label={t('reforms.project.pilotLevel')}>
          <Select
            disabled={!office}
            options={[
              { value: null, label: t('reforms.project.notPilot') },
              ...pilotLevels.map((l) => ({ value: l, label: t(`reforms.pilotLevels.${l}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="pilotStatus" label={t('reforms.project.pilotStatus')}>
          <Select
            disabled={!office}
            options={[
              { value: null, label: t('reforms.project.notPilot') },
              ...pilotStatuses.map((s) => ({ value: s, label: t(`reforms.pilotStatuses.${s}`) })),
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
