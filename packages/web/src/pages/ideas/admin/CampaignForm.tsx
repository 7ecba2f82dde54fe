import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { campaignInputPublicationValues, campaignInputReviewMethodValues } from '../../../api/schema';
import { useFeedback } from '../../../components/Feedback';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { knownRejectReasons, listKinds, rejectReasonLabel } from '../shared';
import { DomainsField, RubricField } from './CampaignLists';
import {
  type CampaignInput,
  campaignAuthorKinds,
  campaignChannels,
  changesOf,
  codePattern,
  defaultShortlistQuota,
  inputOf,
} from './campaignValues';
import { FocusAreasField } from './FocusAreasField';
import { SurveyField } from './SurveyField';

/**
 * Creates a campaign (no `id`) or edits one, its survey included. An edit sends only the fields
 * that changed; the server refuses to drop a domain or criterion already in use, and says which.
 */
export function CampaignForm({
  id,
  initial,
  onSaved,
}: {
  id?: string;
  initial: CampaignInput;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [form] = Form.useForm<CampaignInput>();
  const [conflict, setConflict] = useState<string | null>(null);

  const { submit: save, busy: saving } = useFormSubmit(
    form,
    async (values: CampaignInput) => {
      // The form edits the common quota only; each domain's own quota rides along.
      const shortlistQuota = {
        ...defaultShortlistQuota,
        ...initial.shortlistQuota,
        ...values.shortlistQuota,
      };
      const full = { ...initial, ...values, shortlistQuota };
      setConflict(null);
      if (id) {
        const body = changesOf(initial, full);
        if (Object.keys(body).length === 0) {
          void message.info(t('ideas.campaigns.unchanged'));
          onSaved();
          return;
        }
        unwrap(await api.PATCH('/api/v1/ideas/campaigns/{id}', { params: { path: { id } }, body }));
      } else {
        unwrap(await api.POST('/api/v1/ideas/campaigns', { body: inputOf(full) }));
      }
      void message.success(t('ideas.campaigns.saved'));
      onSaved();
    },
    {
      // A conflict names what is still in use; it is shown above the form as well.
      onProblem(problem) {
        if (problem.code === 'CONFLICT' && problem.detail) setConflict(problem.detail);
        return false;
      },
    },
  );

  const reasons = Form.useWatch('rejectReasons', form) ?? initial.rejectReasons;
  const reasonOptions = [...new Set([...knownRejectReasons, ...reasons])].map((reason) => ({
    value: reason,
    label: rejectReasonLabel(t, reason),
  }));

  return (
    <Form<CampaignInput>
      form={form}
      name="campaign"
      layout="vertical"
      onFinish={save}
      initialValues={initial}
    >
      {conflict && <Alert type="error" showIcon title={conflict} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="code"
        label={t('ideas.campaigns.code')}
        extra={id ? undefined : t('ideas.campaigns.codeHint')}
        rules={[
          { required: true, message: t('ideas.campaigns.codeRequired') },
          { pattern: codePattern, message: t('ideas.campaigns.codePattern') },
        ]}
      >
        <Input disabled={Boolean(id)} maxLength={40} />
      </Form.Item>
      <Form.Item
        name="theme"
        label={t('ideas.campaigns.theme')}
        rules={[{ required: true, whitespace: true, min: 2, max: 120 }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="startsOn"
          label={t('ideas.campaigns.startsOn')}
          rules={[{ required: true }]}
          style={{ flex: '1 1 140px' }}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('ideas.campaigns.endsOn')}
          dependencies={['startsOn']}
          style={{ flex: '1 1 140px' }}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              async validator(_, value?: string) {
                const startsOn = getFieldValue('startsOn') as string | undefined;
                if (value && startsOn && value < startsOn)
                  throw new Error(t('ideas.campaigns.endsBeforeStart'));
              },
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
      </Flex>
      <FocusAreasField />
      <DomainsField />
      <Form.Item
        name="channels"
        label={t('ideas.campaigns.channels')}
        rules={[{ required: true, type: 'array', min: 1, message: t('ideas.campaigns.pickOne') }]}
      >
        <Checkbox.Group
          options={campaignChannels.map((c) => ({ value: c, label: t(`ideas.channel.${c}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="authorKinds"
        label={t('ideas.campaigns.authorKinds')}
        rules={[{ required: true, type: 'array', min: 1, message: t('ideas.campaigns.pickOne') }]}
      >
        <Checkbox.Group
          options={campaignAuthorKinds.map((k) => ({ value: k, label: t(`ideas.authorKind.${k}`) }))}
        />
      </Form.Item>
      <RubricField />
      <Form.Item
        name="rejectReasons"
        label={t('ideas.campaigns.rejectReasons')}
        extra={t('ideas.campaigns.reasonsHint')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('ideas.campaigns.pickOne') },
          {
            async validator(_, value?: string[]) {
              if (value?.some((reason) => reason.trim().length > 40))
                throw new Error(t('ideas.campaigns.reasonTooLong', { max: 40 }));
            },
          },
        ]}
      >
        {/* No comma separators: a reason in the office's words may well contain one. */}
        <Select mode="tags" options={reasonOptions} maxCount={30} />
      </Form.Item>
      <Flex gap={16} wrap>
        {listKinds.map((kind) => (
          <Form.Item
            key={kind}
            name={['listSizes', kind]}
            label={t('ideas.campaigns.listSize', { list: t(`ideas.listKind.${kind}`) })}
            rules={[{ required: true, type: 'integer', min: 1, max: 50 }]}
          >
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
        ))}
        <Form.Item
          name="reviewersPerItem"
          label={t('ideas.selection.reviewersPerItem')}
          rules={[{ required: true, type: 'integer', min: 1, max: 9 }]}
        >
          <InputNumber min={1} max={9} precision={0} />
        </Form.Item>
        <Form.Item
          name="maxReviewsPerExpert"
          label={t('ideas.campaigns.maxReviewsPerExpert')}
          rules={[{ type: 'integer', min: 1, max: 100000 }]}
        >
          <InputNumber min={1} max={100000} precision={0} />
        </Form.Item>
        <Form.Item
          name={['shortlistQuota', 'perDomain']}
          label={t('ideas.campaigns.shortlistPerDomain')}
          rules={[{ required: true, type: 'integer', min: 0, max: 10000 }]}
        >
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Flex>
      <Form.Item name="reviewMethod" label={t('ideas.campaigns.reviewMethod')} rules={[{ required: true }]}>
        <Radio.Group
          options={campaignInputReviewMethodValues.map((value) => ({
            value,
            label: t(`ideas.selection.methodName.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="publication" label={t('ideas.campaigns.publication')} rules={[{ required: true }]}>
        <Radio.Group
          options={campaignInputPublicationValues.map((value) => ({
            value,
            label: t(`ideas.campaigns.publicationKind.${value}`),
          }))}
        />
      </Form.Item>
      <SurveyField />
      <Button type="primary" htmlType="submit" loading={saving} data-testid="campaign-save">
        {t('ideas.campaigns.save')}
      </Button>
    </Form>
  );
}
