import { Button, Flex, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useUnits } from '../../api/useUnits';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { buildUnitTree, unitTreeOptions } from '../units/unitTree';
import { planSteps, type ReformBattle } from './shared';

interface BattleValues {
  name: string;
  goal: string;
  leadUnitId: string;
  step: ReformBattle['step'];
  sort: number;
}

/** A battle's name, goal, lead unit (from the unit tree), step and order. */
export function BattleFormModal({
  battle,
  count,
  onClose,
  onSaved,
}: {
  battle: ReformBattle | 'new';
  count: number;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<BattleValues>();
  const unitList = useUnits();
  const { units } = unitList;
  const tree = useMemo(() => unitTreeOptions(buildUnitTree(units)), [units]);
  const { submit, busy } = useFormSubmit(form, async (v: BattleValues) => {
    const body = { ...v, goal: v.goal ?? '', sort: v.sort ?? 0 };
    if (battle === 'new') unwrap(await api.POST('/api/v1/reforms/battles', { body }));
    else
      unwrap(await api.PATCH('/api/v1/reforms/battles/{id}', { params: { path: { id: battle.id } }, body }));
    onSaved();
  });
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <Modal
      open
      title={t(battle === 'new' ? 'reforms.battles.create' : 'reforms.battles.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form
        form={form}
        name="reformBattle"
        layout="vertical"
        onFinish={submit}
        initialValues={battle === 'new' ? { step: 'rise', sort: count + 1, goal: '' } : battle}
      >
        <Form.Item name="name" label={t('reforms.battles.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="goal" label={t('reforms.battles.goal')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <FieldLoadFailed load={unitList} />
        <Form.Item name="leadUnitId" label={t('reforms.battles.leadUnit')} rules={required}>
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="step" label={t('reforms.battles.step')} rules={required}>
          <Select options={planSteps.map((s) => ({ value: s, label: t(`reforms.steps.${s}`) }))} />
        </Form.Item>
        <Form.Item name="sort" label={t('reforms.battles.sort')}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PhaseValues {
  phases: Array<{ name: string; startDate: string; endDate: string; target: string; progress: number }>;
}

/** A battle's phases, edited as a whole and saved at once; progress in percent on the form. */
export function PhasesModal({
  battle,
  onClose,
  onSaved,
}: {
  battle: ReformBattle;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<PhaseValues>();
  const { submit, busy } = useFormSubmit(form, async (v: PhaseValues) => {
    const phases = (v.phases ?? []).map((p) => ({
      ...p,
      target: p.target ?? '',
      progress: (p.progress ?? 0) / 100,
    }));
    unwrap(
      await api.PUT('/api/v1/reforms/battles/{id}/phases', {
        params: { path: { id: battle.id } },
        body: { phases },
      }),
    );
    onSaved();
  });
  const required = [{ required: true, message: t('errors.field.required') }];
  const initial = battle.phases.map((p) => ({ ...p, progress: Math.round(p.progress * 1000) / 10 }));
  return (
    <Modal
      open
      title={`${battle.name} · ${t('reforms.battles.phases')}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={760}
    >
      <Form
        form={form}
        name="reformBattlePhases"
        layout="vertical"
        onFinish={submit}
        initialValues={{ phases: initial }}
      >
        <Form.List name="phases">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f, k) => (
                <Flex key={f.key} gap={8} wrap align="end" style={{ borderBottom: '1px solid #f0f0f0' }}>
                  <Form.Item
                    name={[f.name, 'name']}
                    label={`${t('reforms.battles.phase')} ${k + 1}`}
                    rules={required}
                  >
                    <Input maxLength={100} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'startDate']}
                    label={t('reforms.battles.startDate')}
                    rules={required}
                  >
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'endDate']} label={t('reforms.battles.endDate')} rules={required}>
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'progress']} label={t('reforms.battles.phaseProgress')}>
                    <InputNumber min={0} max={100} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'target']}
                    label={t('reforms.battles.target')}
                    style={{ flex: '1 1 240px' }}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item>
                    <Button danger onClick={() => remove(f.name)}>
                      {t('reforms.battles.removePhase')}
                    </Button>
                  </Form.Item>
                </Flex>
              ))}
              <div>
                <Button onClick={() => add({ progress: 0, target: '' })}>
                  {t('reforms.battles.addPhase')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
