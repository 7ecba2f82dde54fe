import { limits } from '@qianxing/core/limits';
import { Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { type Unit, type UnitKind, unitKinds } from '../../api/types';
import { useFormSubmit } from '../../components/useFormSubmit';
import { type UnitNode, unitTreeOptions } from './unitTree';

interface UnitValues {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  sort?: number;
}

/** What the modal edits: an existing unit, or a new one under `parentId`. */
export type UnitDraft = { unit: Unit } | { parentId: string | null };

export function UnitFormModal({
  draft,
  tree,
  onClose,
  onSaved,
}: {
  draft: UnitDraft | null;
  tree: UnitNode[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<UnitValues>();
  const editing = draft && 'unit' in draft ? draft.unit : null;
  // A unit cannot move under itself or its own subtree.
  const parents = useMemo(() => unitTreeOptions(tree, editing?.id), [tree, editing]);

  const { submit, busy } = useFormSubmit(form, async (values: UnitValues) => {
    const body = {
      code: values.code.trim(),
      name: values.name.trim(),
      kind: values.kind,
      parentId: values.parentId ?? null,
      sort: values.sort ?? 0,
    };
    if (editing) {
      unwrap(await api.PATCH('/api/v1/units/{id}', { params: { path: { id: editing.id } }, body }));
    } else {
      unwrap(await api.POST('/api/v1/units', { body }));
    }
    onSaved();
  });

  const initialValues: Partial<UnitValues> = editing
    ? { ...editing }
    : { parentId: draft && 'parentId' in draft ? draft.parentId : null, sort: 0, kind: 'other' };

  return (
    <Modal
      open={draft !== null}
      title={t(editing ? 'units.form.editTitle' : 'units.form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form form={form} name="unit" layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Form.Item
          name="code"
          label={t('units.fields.code')}
          rules={[
            { required: true, message: t('units.form.codeRequired') },
            { max: 40, message: t('common.tooLong', { max: 40 }) },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('units.form.codePattern') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('units.form.nameRequired') },
            { max: limits.unitName.max, message: t('common.tooLong', { max: limits.unitName.max }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.fields.kind')} rules={[{ required: true }]}>
          <Select options={unitKinds.map((kind) => ({ value: kind, label: t(`units.kinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.fields.parent')} extra={t('units.form.parentHint')}>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={parents}
            placeholder={t('units.form.noParent')}
          />
        </Form.Item>
        <Form.Item name="sort" label={t('units.fields.sort')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
