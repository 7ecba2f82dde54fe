import { Alert, Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useFormSubmit } from '../../components/useFormSubmit';
import { SimilarList } from './SimilarList';
import { authorKinds, useCampaign, useTowns } from './shared';
import { useSimilar } from './useSimilar';

type SubmitInput = components['schemas']['SubmitSuggestionInput'];
type Submitted = components['schemas']['SubmitSuggestionResult'];

/** 线上谈: a citizen writes a suggestion; similar ones show while typing. */
export function SubmitPage() {
  const { t } = useTranslation();
  const api = useApi();
  const campaign = useCampaign();
  const { towns } = useTowns();
  const [form] = Form.useForm<SubmitInput>();
  const title = Form.useWatch('title', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const { matches, domain } = useSimilar(`${title}\n${body}`);
  const [domainTouched, setDomainTouched] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);

  useEffect(() => {
    if (domain && !domainTouched) form.setFieldValue('domain', domain);
  }, [domain, domainTouched, form]);

  const { submit, busy } = useFormSubmit(form, async (values: SubmitInput) => {
    const body: SubmitInput = {
      ...values,
      realName: values.realName || undefined,
      phone: values.phone || undefined,
    };
    setDone(unwrap(await api.POST('/api/v1/public/suggestions', { body })));
  });

  if (done) {
    return (
      <Result
        status="success"
        title={t('ideas.submit.done')}
        subTitle={
          campaign?.publication === 'on_submission'
            ? t('ideas.submit.keepCode')
            : t('ideas.submit.keepCodeScreened')
        }
        extra={[
          <Typography.Title key="code" level={2} copyable data-testid="tracking-code" style={{ margin: 0 }}>
            {done.trackingCode}
          </Typography.Title>,
          <Link key="track" to={`/ideas/track/${done.trackingCode}`} data-testid="tracking-link">
            {t('ideas.submit.trackLink')}
          </Link>,
        ]}
      />
    );
  }

  if (campaign && !campaign.intakeOpen)
    return (
      <Result
        status="info"
        title={t('ideas.frame.closed', { endsOn: campaign.endsOn })}
        subTitle={t('ideas.frame.closedHint')}
        data-testid="intake-closed"
        extra={[
          <Link key="track" to="/ideas/track">
            <Button type="primary">{t('ideas.frame.trackLink')}</Button>
          </Link>,
          <Link key="browse" to="/ideas">
            <Button>{t('ideas.nav.browse')}</Button>
          </Link>,
        ]}
      />
    );

  return (
    <Card title={t('ideas.submit.title')} styles={{ body: { padding: 16 } }}>
      <Typography.Paragraph type="secondary">{t('ideas.submit.intro')}</Typography.Paragraph>
      <Form<SubmitInput>
        form={form}
        name="suggestion"
        layout="vertical"
        onFinish={submit}
        initialValues={{ authorKind: 'resident' }}
      >
        <Form.Item name="title" label={t('ideas.fields.title')} rules={[{ required: true, min: 4, max: 80 }]}>
          <Input maxLength={80} showCount />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('ideas.fields.body')}
          rules={[{ required: true, min: 10, max: 5000 }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <SimilarList matches={matches} />
        </div>
        <Form.Item
          name="domain"
          label={t('ideas.fields.domain')}
          extra={domain && !domainTouched ? t('ideas.submit.domainSuggested') : undefined}
        >
          <Select
            data-testid="submit-domain"
            onChange={() => setDomainTouched(true)}
            options={(campaign?.domains ?? []).map((d) => ({ value: d.code, label: d.name }))}
            allowClear
          />
        </Form.Item>
        <Form.Item name="townId" label={t('ideas.fields.town')} rules={[{ required: true }]}>
          <Select
            data-testid="submit-town"
            showSearch={{ optionFilterProp: 'label' }}
            options={towns.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="authorKind" label={t('ideas.fields.authorKind')} rules={[{ required: true }]}>
          <Select options={authorKinds.map((k) => ({ value: k, label: t(`ideas.authorKind.${k}`) }))} />
        </Form.Item>
        <Alert type="info" showIcon title={t('ideas.submit.privacy')} style={{ marginBottom: 16 }} />
        <Form.Item name="realName" label={t('ideas.fields.realNameOptional')} rules={[{ max: 40 }]}>
          <Input maxLength={40} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('ideas.fields.phoneOptional')}
          rules={[{ pattern: /^1\d{10}$/, message: t('ideas.submit.phoneInvalid') }]}
        >
          <Input maxLength={11} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="submit-suggestion">
          {t('ideas.submit.action')}
        </Button>
      </Form>
    </Card>
  );
}
