import { Flex, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useUnits } from '../../../api/useUnits';
import { FieldLoadFailed } from '../../../components/LoadFailed';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { buildUnitTree, unitTreeOptions } from '../../units/unitTree';
import type { StudySession } from './shared';

interface Values {
  title: string;
  unitId: string;
  form: 'online' | 'offline';
  date: string;
  startTime: string;
  endTime: string;
  place?: string;
  teacher: string;
  topic?: string;
}

/** A learning session's schedule, new or changed by the reform office. */
export function SessionFormModal({
  session,
  onClose,
  onSaved,
}: {
  session: StudySession | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const unitList = useUnits();
  const { units } = unitList;
  const tree = useMemo(() => unitTreeOptions(buildUnitTree(units)), [units]);
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    const body = { ...v, place: v.place ?? '', topic: v.topic ?? '' };
    if (session)
      unwrap(
        await api.PATCH('/api/v1/reforms/study/sessions/{id}', {
          params: { path: { id: session.id } },
          body,
        }),
      );
    else unwrap(await api.POST('/api/v1/reforms/study/sessions', { body }));
    onSaved();
  });
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <Modal
      open
      title={t(session ? 'reforms.learning.editSession' : 'reforms.learning.planSession')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name="studySession"
        layout="vertical"
        onFinish={submit}
        initialValues={session ?? { form: 'online', startTime: '15:00', endTime: '17:00' }}
      >
        <Form.Item name="title" label={t('reforms.learning.sessionTitle')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <FieldLoadFailed load={unitList} />
        <Form.Item name="unitId" label={t('reforms.learning.unit')} rules={required}>
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="form" label={t('reforms.learning.form')} rules={required}>
          <Select
            options={(['online', 'offline'] as const).map((f) => ({
              value: f,
              label: t(`reforms.learning.forms.${f}`),
            }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="date" label={t('reforms.learning.date')} rules={required} style={{ flex: 2 }}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="startTime"
            label={t('reforms.learning.startTime')}
            rules={required}
            style={{ flex: 1 }}
          >
            <Input type="time" />
          </Form.Item>
          <Form.Item
            name="endTime"
            label={t('reforms.learning.endTime')}
            rules={required}
            style={{ flex: 1 }}
          >
            <Input type="time" />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('reforms.learning.place')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="teacher" label={t('reforms.learning.teacher')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="topic" label={t('reforms.learning.topic')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
