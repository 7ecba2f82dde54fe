import { Button, Form, Input, Modal, Select, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { toProblem, unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useFeedback } from '../../../components/Feedback';
import { FieldLoadFailed, LoadFailed } from '../../../components/LoadFailed';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { domainLabel, useCampaign, useLoad, useTowns } from '../shared';
import { ScanField } from './ScanField';
import { useScanUpload } from './useScanUpload';

type Written = components['schemas']['WrittenSuggestionInput'];
type Values = Written & { scan?: UploadFile[] };
const channels = ['written', 'outreach', 'homecoming', 'event'] as const;
/** A suggestion heard on a visit (走出去), at a homecoming (请回来) or at an event names where. */
const eventChannels = new Set<string | undefined>(['outreach', 'homecoming', 'event']);
const authorKinds = ['resident', 'cadre', 'native_abroad', 'student', 'enterprise', 'deputy'] as const;

/** Enters a suggestion received on paper, on a visit or at an event. */
export function WrittenEntry({ onCreated }: { onCreated(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = useFeedback();
  const campaignLoad = useCampaign();
  const { campaign } = campaignLoad;
  const townList = useTowns();
  const { towns } = townList;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const eventsLoad = useLoad(
    async () => (open ? unwrap(await api.GET('/api/v1/ideas/events')).items : []),
    [open],
  );
  const events = eventsLoad.data;
  const uploadScan = useScanUpload();
  const { submit: save, busy: saving } = useFormSubmit(form, async ({ scan, ...values }: Values) => {
    const result = unwrap(await api.POST('/api/v1/ideas/suggestions', { body: values }));
    const file = scan?.[0]?.originFileObj;
    const scanProblem = file
      ? await uploadScan(result.id, file).then(
          () => null,
          (error: unknown) => toProblem(error),
        )
      : null;
    // The suggestion exists either way: close the form so it is not entered twice.
    form.resetFields();
    setOpen(false);
    onCreated();
    if (!scanProblem) void message.success(t('ideas.written.saved', { code: result.trackingCode }));
    else
      modal.warning({
        title: t('ideas.written.scanFailedTitle'),
        content: t('ideas.written.scanFailed', {
          code: result.trackingCode,
          title: values.title,
          reason: t(`errors.${scanProblem.code}`, { defaultValue: t('errors.INTERNAL') }),
        }),
      });
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="written-entry">
        {t('ideas.written.open')}
      </Button>
      <Modal
        open={open}
        title={t('ideas.written.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('ideas.written.save')}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          name="written"
          layout="vertical"
          onFinish={save}
          initialValues={{ channel: 'written', authorKind: 'resident' }}
        >
          <Form.Item name="channel" label={t('ideas.fields.channel')} rules={[{ required: true }]}>
            <Select options={channels.map((c) => ({ value: c, label: t(`ideas.channel.${c}`) }))} />
          </Form.Item>
          {eventChannels.has(channel) && (
            <Form.Item name="eventId" label={t('ideas.fields.event')}>
              <Select
                allowClear
                // A failed load of the events says so in the list, not that there are none.
                notFoundContent={
                  eventsLoad.failed && !eventsLoad.loading ? (
                    <LoadFailed onRetry={() => void eventsLoad.reload()} />
                  ) : undefined
                }
                options={(eventsLoad.failed ? [] : (events ?? [])).map((e) => ({
                  value: e.id,
                  label: `${t(`ideas.eventKind.${e.kind}`)} · ${e.title}`,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="title"
            label={t('ideas.fields.title')}
            rules={[{ required: true, min: 4, max: 80 }]}
          >
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('ideas.fields.body')}
            rules={[{ required: true, min: 10, max: 5000 }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <FieldLoadFailed load={campaignLoad} />
          <Form.Item name="domain" label={t('ideas.fields.domain')}>
            <Select
              allowClear
              options={(campaign?.domains ?? []).map((d) => ({
                value: d.code,
                label: domainLabel(t, d.code, d.name),
              }))}
            />
          </Form.Item>
          <FieldLoadFailed load={townList} />
          <Form.Item name="townId" label={t('ideas.fields.town')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={towns.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="authorKind" label={t('ideas.written.authorKind')} rules={[{ required: true }]}>
            <Select options={authorKinds.map((k) => ({ value: k, label: t(`ideas.authorKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="realName" label={t('ideas.fields.realNameOptional')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('ideas.fields.phoneOptional')}
            rules={[{ pattern: /^1\d{10}$/, message: t('ideas.submit.phoneInvalid') }]}
          >
            <Input maxLength={11} />
          </Form.Item>
          <ScanField name="scan" />
        </Form>
      </Modal>
    </>
  );
}
