import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { RowActionButton } from '../../../components/rowActions';
import { useFormSubmit } from '../../../components/useFormSubmit';
import type { CampaignSummary } from './campaignValues';

/** 延长征集期: the office moves a campaign's end later; the public's intake stays open until then. */
export function ExtendPeriod({ campaign, onDone }: { campaign: CampaignSummary; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ endsOn: string }>();
  const { submit, busy } = useFormSubmit(form, async (values: { endsOn: string }) => {
    unwrap(
      await api.POST('/api/v1/ideas/campaigns/{id}/extend', {
        params: { path: { id: campaign.id } },
        body: { endsOn: values.endsOn },
      }),
    );
    void message.success(t('ideas.campaigns.extended', { endsOn: values.endsOn }));
    setOpen(false);
    onDone();
  });
  return (
    <>
      <RowActionButton
        onClick={() => setOpen(true)}
        data-testid={`campaign-extend-${campaign.code}`}
        action={t('ideas.campaigns.extend')}
        row={campaign.theme}
      />
      <Modal
        open={open}
        title={t('ideas.campaigns.extendTitle', { theme: campaign.theme })}
        okText={t('ideas.campaigns.extend')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="extend" onFinish={submit}>
          <Form.Item
            name="endsOn"
            label={t('ideas.campaigns.newEndsOn')}
            extra={t('ideas.campaigns.currentEndsOn', { endsOn: campaign.endsOn })}
            rules={[
              { required: true },
              {
                async validator(_, value?: string) {
                  if (value && value <= campaign.endsOn)
                    throw new Error(t('errors.field.not_after_end', { endsOn: campaign.endsOn }));
                },
              },
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
