import { Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../components/Feedback';
import { useFormSubmit } from '../../components/useFormSubmit';
import type { RequestDetail } from './requests';

export type Change = (r: RequestDetail) => void;

/** One action's form: its fields, its submit button, and the notice once done. */
export function ActionForm<V>(props: {
  name: string;
  title: string;
  /** The words said once it is done: a key, or one chosen by what was sent. */
  done: string | ((values: V) => string);
  submit: (values: V) => Promise<RequestDetail>;
  onChange: Change;
  children: React.ReactNode;
  button?: string;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm();
  const { submit, busy } = useFormSubmit<V>(form, async (values) => {
    props.onChange(await props.submit(values));
    form.resetFields();
    message.success(t(typeof props.done === 'string' ? props.done : props.done(values)));
  });
  return (
    <Card size="small" title={t(props.title)}>
      <Form form={form} name={props.name} layout="vertical" onFinish={submit}>
        {props.children}
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${props.name}-submit`}>
          {t(props.button ?? props.title)}
        </Button>
      </Form>
    </Card>
  );
}
