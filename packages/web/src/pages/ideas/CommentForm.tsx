import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useTowns } from './shared';

type CommentInput = components['schemas']['CommentInput'];

/** A comment on a suggestion; it is shown once a screener has published it, which the writer is told. */
export function CommentForm({ suggestionId }: { suggestionId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<CommentInput>();
  const [sent, setSent] = useState(false);
  const townList = useTowns();
  const { towns } = townList;

  const { submit, busy } = useFormSubmit(form, async (values: CommentInput) => {
    const body: CommentInput = {
      body: values.body.trim(),
      name: values.name?.trim() || undefined,
      townId: values.townId || undefined,
    };
    unwrap(
      await api.POST('/api/v1/public/suggestions/{id}/comments', {
        params: { path: { id: suggestionId } },
        body,
      }),
    );
    form.resetFields();
    setSent(true);
  });

  return (
    <Form<CommentInput>
      form={form}
      name="comment"
      layout="vertical"
      onFinish={submit}
      onValuesChange={() => setSent(false)}
    >
      {sent && (
        <Alert
          type="success"
          showIcon
          title={t('ideas.comments.sent')}
          style={{ marginBottom: 16 }}
          data-testid="comment-sent"
        />
      )}
      <Form.Item
        name="body"
        label={t('ideas.comments.body')}
        rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="comment-body" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('ideas.comments.nameOptional')}
        extra={t('ideas.comments.nameHint')}
        rules={[{ max: 20 }]}
      >
        <Input maxLength={20} autoComplete="name" data-testid="comment-name" />
      </Form.Item>
      {/* Optional: without it the comment counts for the suggestion's town in the figures. */}
      <FieldLoadFailed load={townList} />
      <Form.Item name="townId" label={t('ideas.comments.townOptional')}>
        <Select
          allowClear
          data-testid="comment-town"
          showSearch={{ optionFilterProp: 'label' }}
          options={towns.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="comment-submit">
        {t('ideas.comments.submit')}
      </Button>
    </Form>
  );
}
