import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import { DecimalInput } from './DecimalInput';
import { periodLabel } from './periods';

export type Benchmark = components['schemas']['Benchmark'];
type Values = { value: number | null; source: string };

/** The decimal input as a form field: the form hands it its value and takes its changes. */
function DecimalField(props: { id?: string; value?: number | null; onChange?: (v: number | null) => void }) {
  return <DecimalInput id={props.id} value={props.value ?? null} onChange={(v) => props.onChange?.(v)} />;
}

/**
 * One region's value of an indicator in a period, changed in place (PUT): the value and its
 * source; a field the server refuses is shown under that field.
 */
export function BenchmarkEdit({
  editing,
  onClose,
  onSaved,
}: {
  editing: Benchmark | null;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const { submit, busy } = useFormSubmit(form, async (v: Values) => {
    if (!editing || v.value === null) return;
    const { regionId, indicatorId, period } = editing;
    unwrap(
      await api.PUT('/api/v1/targets/benchmarks', {
        body: { regionId, indicatorId, period, value: v.value, source: v.source ?? '' },
      }),
    );
    void message.success(t('targets.benchmarks.values.saved'));
    onClose();
    await onSaved();
  });
  return (
    <Modal
      open={editing !== null}
      title={
        editing &&
        t('targets.benchmarks.values.editTitle', {
          region: editing.regionName,
          indicator: editing.indicatorName,
          period: periodLabel(t, editing.period),
        })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('targets.save')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form
        form={form}
        name="benchmark"
        layout="vertical"
        onFinish={submit}
        initialValues={editing ? { value: editing.value, source: editing.source } : undefined}
      >
        <Form.Item
          name="value"
          label={t('targets.benchmarks.values.value')}
          rules={[{ required: true, message: t('errors.field.required') }]}
        >
          <DecimalField />
        </Form.Item>
        <Form.Item name="source" label={t('targets.benchmarks.values.source')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
