import { Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useUnits } from '../../../api/useUnits';
import { FieldLoadFailed } from '../../../components/LoadFailed';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useLoad } from '../../../components/useLoad';
import { buildUnitTree, unitTreeOptions } from '../../units/unitTree';
import { type Chain, chainLabel, type Project } from './shared';

interface Values {
  name: string;
  investor: string;
  amount: number;
  chainCode: string;
  commissionerId: string;
  leadUnitId: string;
  signedOn: string;
}

/** A project's terms, filed or corrected by the office: amount in 万元, commissioner by name. */
export function ProjectFormModal({
  project,
  chains,
  onClose,
  onSaved,
}: {
  project: Project | null;
  chains: Chain[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const unitList = useUnits();
  const { units } = unitList;
  const tree = useMemo(() => unitTreeOptions(buildUnitTree(units)), [units]);
  const commissioners = useLoad(
    async () => unwrap(await api.GET('/api/v1/business/project-commissioners')),
    [],
  );
  const people = commissioners.data;
  const { submit, busy } = useFormSubmit(form, async (body: Values) => {
    if (project)
      unwrap(
        await api.PATCH('/api/v1/business/projects/{id}', { params: { path: { id: project.id } }, body }),
      );
    else unwrap(await api.POST('/api/v1/business/projects', { body: { ...body, firmId: null } }));
    onSaved();
  });
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <Modal
      open
      title={t(project ? 'business.projects.edit' : 'business.projects.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, id: 'project-save' }}
      destroyOnHidden
      width={600}
    >
      <Form
        form={form}
        name="investmentProject"
        layout="vertical"
        onFinish={submit}
        initialValues={project ?? {}}
      >
        <Form.Item name="name" label={t('business.projects.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="investor" label={t('business.projects.investor')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="amount" label={t('business.projects.amountWan')} rules={required}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="chainCode" label={t('business.projects.chain')} rules={required}>
          <Select
            options={chains
              .filter((c) => c.active)
              .map((c) => ({ value: c.code, label: chainLabel(c, i18n.language) }))}
          />
        </Form.Item>
        <FieldLoadFailed load={commissioners} />
        <Form.Item name="commissionerId" label={t('business.projects.commissioner')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(people ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <FieldLoadFailed load={unitList} />
        <Form.Item name="leadUnitId" label={t('business.projects.leadUnit')} rules={required}>
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="signedOn" label={t('business.projects.signedOn')} rules={required}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
