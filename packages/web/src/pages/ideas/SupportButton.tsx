import { Alert, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { PhoneCodeItems } from '../../components/PhoneCodeItems';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useSession } from '../../session/SessionContext';
import { SupportCount } from './SupportCount';

interface Proof {
  phone: string;
  code: string;
}

/**
 * "支持这条": once per person, the server decides who that is: an account, or without one a phone
 * proven by a code (asked in a dialog). The count shown is the server's.
 */
export function SupportButton({
  id,
  supports,
  size,
  explain,
}: {
  id: string;
  supports?: number;
  size?: 'small';
  /** Also say "N 人支持" and what counts as one person (a suggestion's own page). */
  explain?: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useSession();
  const { pathname } = useLocation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Proof>();
  const [count, setCount] = useState<number | undefined>(supports);
  const [done, setDone] = useState(false);
  const [asking, setAsking] = useState(false);

  const send = async (proof?: Proof) => {
    const result = unwrap(
      await api.POST('/api/v1/public/suggestions/{id}/support', {
        params: { path: { id } },
        ...(proof ? { body: proof } : {}),
      }),
    );
    setCount(result.supports);
    setDone(true);
    setAsking(false);
    void message.success(t(result.counted ? 'ideas.support.thanks' : 'ideas.support.already'));
  };
  const { submit: support, busy } = useFormSubmit(undefined, async () => {
    if (user) await send();
    else setAsking(true);
  });
  const { submit: confirm, busy: confirming } = useFormSubmit(form, async (values: Proof) =>
    send({ phone: values.phone, code: values.code }),
  );
  const sendCode = async ({ phone }: Record<string, string>) =>
    unwrap(
      await api.POST('/api/v1/public/suggestions/{id}/support-code', {
        params: { path: { id } },
        body: { phone: phone! },
      }),
    );

  return (
    <>
      <Button
        size={size}
        loading={busy}
        disabled={done}
        onClick={() => void support(undefined)}
        data-testid={`support-${id}`}
      >
        {count === undefined ? t('ideas.support.plain') : t('ideas.support.action', { count })}
      </Button>
      {explain && count !== undefined && <SupportCount count={count} />}
      <Modal
        open={asking}
        title={t('ideas.supportPhone.title')}
        onCancel={() => setAsking(false)}
        okText={t('ideas.supportPhone.confirm')}
        okButtonProps={{ loading: confirming, id: 'support-confirm' }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Alert type="info" title={t('ideas.supportPhone.intro')} style={{ marginBottom: 16 }} />
        <Form form={form} name="support-phone" layout="vertical" onFinish={confirm} requiredMark={false}>
          <PhoneCodeItems
            form="support-phone"
            labels={{
              phone: t('ideas.supportPhone.phone'),
              code: t('ideas.supportPhone.code'),
              send: t('ideas.supportPhone.sendCode'),
              sent: t('ideas.supportPhone.codeSent'),
              resend: (seconds) => t('ideas.mine.claim.resend', { seconds }),
            }}
            send={sendCode}
          />
        </Form>
        <Link to={`/login?next=${encodeURIComponent(pathname)}`}>{t('ideas.supportPhone.login')}</Link>
      </Modal>
    </>
  );
}
