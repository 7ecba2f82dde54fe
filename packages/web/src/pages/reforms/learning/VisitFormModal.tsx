import { Button, Flex, Form, Input, Modal, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useUnits } from '../../../api/useUnits';
import { FieldLoadFailed } from '../../../components/LoadFailed';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { buildUnitTree, unitTreeOptions } from '../../units/unitTree';
import { lines, type StudyVisit } from './shared';

interface Values {
  title: string;
  unitId: string;
  /** One place a line. */
  destinations: string;
  /** One topic a line. */
  topics: string;
  startDate: string;
  endDate: string;
  members: Array<{ userId?: string | null; name: string; unitId: string }>;
}

/** A visit's plan, new or changed by the reform office: where, when, who and on what. */
export function VisitFormModal({
  visit,
  onClose,
  onSaved,
}: {
  visit: StudyVisit | null;
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
      title: v.title,
      unitId: v.unitId,
      destinations: lines(v.destinations),
      topics: lines(v.topics),
      startDate: v.startDate,
      endDate: v.endDate,
      members: (v.members ?? []).map((m) => ({
        ...(m.userId ? { userId: m.userId } : {}),
        name: m.name,
        unitId: m.unitId,
      })),
    };
    const saved = visit
      ? unwrap(
          await api.PATCH('/api/v1/reforms/study/visits/{id}', { params: { path: { id: visit.id } }, body }),
        )
      : unwrap(await api.POST('/api/v1/reforms/study/visits', { body }));
    onSaved(saved.id);
  });
  const initial: Partial<Values> = visit
    ? { ...visit, destinations: visit.destinations.join('\n'), topics: visit.topics.join('\n') }
    : { members: [] };
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <Modal
      open
      title={t(visit ? 'reforms.learning.editVisit' : 'reforms.learning.planVisit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={680}
    >
      <Form form={form} name="studyVisit" layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="title" label={t('reforms.learning.visitTitle')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <FieldLoadFailed load={unitList} />
        <Form.Item name="unitId" label={t('reforms.learning.unit')} rules={required}>
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item
          name="destinations"
          label={t('reforms.learning.destinations')}
          extra={t('reforms.learning.oneALine')}
          rules={required}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="topics" label={t('reforms.learning.topics')} extra={t('reforms.learning.oneALine')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="startDate"
            label={t('reforms.learning.startDate')}
            rules={required}
            style={{ flex: 1 }}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="endDate"
            label={t('reforms.learning.endDate')}
            rules={required}
            style={{ flex: 1 }}
          >
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('reforms.learning.delegation')}</legend>
              {fields.map(({ key, name }) => (
                <Flex key={key} gap={8} align="start">
                  <Form.Item name={[name, 'userId']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[name, 'name']} rules={required} style={{ flex: 1 }}>
                    <Input
                      aria-label={t('reforms.learning.memberName')}
                      placeholder={t('reforms.learning.memberName')}
                      maxLength={40}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'unitId']} rules={required} style={{ flex: 2 }}>
                    <TreeSelect
                      aria-label={t('reforms.learning.memberUnit')}
                      placeholder={t('reforms.learning.memberUnit')}
                      treeData={tree}
                      showSearch
                      treeNodeFilterProp="title"
                    />
                  </Form.Item>
                  <Button onClick={() => remove(name)}>{t('reforms.learning.remove')}</Button>
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', unitId: undefined })}>
                {t('reforms.learning.addMember')}
              </Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
