import { limits } from '@qianxing/core/limits';
import { Button, type ButtonProps, Flex, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { creditCodeRule } from './creditCode';
import { type Firm, type FirmSize, firmSizes, type Industry, industryLabel } from './shared';

interface FirmValues {
  name: string;
  creditCode: string;
  industryCode: string;
  townId: string;
  size: FirmSize;
  contacts?: Array<{ name: string; phone: string }>;
}

/** What the modal edits: a firm read whole, or a new one. */
export type FirmDraft = { firm: Firm } | { firm: null };

/** Files a firm or edits one; the credit code is checked as it is typed, by the server's own rule. */
export function FirmFormModal({
  draft,
  towns,
  townsLoad,
  industries,
  onClose,
  onSaved,
}: {
  draft: FirmDraft | null;
  towns: Array<{ id: string; name: string }>;
  /** The load the towns come from: when it failed, the town field says so, with a retry. */
  townsLoad: { failed: boolean; reload(): Promise<void> | void };
  industries: Industry[];
  onClose(): void;
  onSaved(firm: Firm): void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<FirmValues>();
  const editing = draft?.firm ?? null;

  const { submit, busy } = useFormSubmit(form, async (values: FirmValues) => {
    const body = {
      name: values.name.trim(),
      creditCode: values.creditCode,
      industryCode: values.industryCode,
      townId: values.townId,
      size: values.size,
      contacts: (values.contacts ?? []).map((c) => ({ name: c.name.trim(), phone: c.phone.trim() })),
    };
    const saved = editing
      ? unwrap(await api.PATCH('/api/v1/business/firms/{id}', { params: { path: { id: editing.id } }, body }))
      : unwrap(await api.POST('/api/v1/business/firms', { body }));
    onSaved(saved);
  });

  const submitProps: ButtonProps & { 'data-testid': string } = {
    loading: busy,
    'data-testid': 'firm-submit',
  };
  const usable = industries.filter((i) => i.active || i.code === editing?.industryCode);
  // The firm's own town stays named by the firm even when the towns failed to load: a picker
  // without it would show the town's id.
  const townOptions = towns.map((u) => ({ value: u.id, label: u.name }));
  if (editing && !towns.some((u) => u.id === editing.townId))
    townOptions.push({ value: editing.townId, label: editing.townName });
  return (
    <Modal
      open={draft !== null}
      title={t(editing ? 'business.form.editTitle' : 'business.form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={submitProps}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name="firm"
        layout="vertical"
        onFinish={submit}
        initialValues={editing ?? { contacts: [{ name: '', phone: '' }] }}
      >
        <Form.Item
          name="name"
          label={t('business.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('business.form.nameRequired') },
            { max: limits.firmName.max, message: t('common.tooLong', { max: limits.firmName.max }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('business.fields.creditCode')}
          extra={t('business.form.codeHint')}
          hasFeedback
          validateFirst
          rules={[{ required: true, message: t('business.form.codeRequired') }, creditCodeRule(t)]}
        >
          <Input autoComplete="off" maxLength={40} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <FieldLoadFailed load={townsLoad} />
        <Flex gap={12} wrap>
          <Form.Item
            name="industryCode"
            label={t('business.fields.industry')}
            rules={[{ required: true, message: t('business.form.industryRequired') }]}
            style={{ flex: '2 1 240px' }}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={usable.map((i) => ({ value: i.code, label: industryLabel(i, i18n.language) }))}
            />
          </Form.Item>
          <Form.Item
            name="townId"
            label={t('business.fields.town')}
            rules={[{ required: true, message: t('business.form.townRequired') }]}
            style={{ flex: '1 1 160px' }}
          >
            <Select showSearch optionFilterProp="label" options={townOptions} />
          </Form.Item>
          <Form.Item
            name="size"
            label={t('business.fields.size')}
            rules={[{ required: true, message: t('business.form.sizeRequired') }]}
            style={{ flex: '1 1 120px' }}
          >
            <Select options={firmSizes.map((s) => ({ value: s, label: t(`business.sizes.${s}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('business.fields.contacts')} style={{ marginBottom: 0 }}>
          <ContactsField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The firm's contacts: a name and a phone each, up to the limit the server keeps. */
function ContactsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start" wrap>
              <Form.Item
                name={[field.name, 'name']}
                rules={[
                  { required: true, whitespace: true, message: t('business.form.contactNameRequired') },
                  {
                    max: limits.contactName.max,
                    message: t('common.tooLong', { max: limits.contactName.max }),
                  },
                ]}
                style={{ flex: '1 1 120px', marginBottom: 12 }}
              >
                <Input
                  placeholder={t('business.form.contactName')}
                  aria-label={t('business.form.contactName')}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'phone']}
                rules={[
                  { required: true, pattern: limits.contactPhone, message: t('business.form.phonePattern') },
                ]}
                style={{ flex: '1 1 160px', marginBottom: 12 }}
              >
                <Input
                  inputMode="tel"
                  placeholder={t('business.form.contactPhone')}
                  aria-label={t('business.form.contactPhone')}
                />
              </Form.Item>
              <Button onClick={() => remove(field.name)}>{t('common.remove')}</Button>
            </Flex>
          ))}
          {fields.length < limits.firmContacts && (
            <Button type="dashed" onClick={() => add({ name: '', phone: '' })} block>
              {t('business.form.addContact')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
