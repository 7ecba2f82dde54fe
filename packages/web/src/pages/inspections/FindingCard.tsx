import { Button, Card, Flex, Form, Input, InputNumber, Radio, Tag, Typography, Upload } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { NewTabHint } from '../../components/NewTabHint';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useProblemHandler } from '../../components/useProblemHandler';
import {
  type ChecklistItem,
  type FindingInput,
  type FindingResult,
  fileForm,
  findingColor,
  findingResults,
  type InspectionVisit,
} from './shared';

interface Values {
  result: FindingResult;
  note?: string;
  requirement?: string;
  deadlineDays?: number;
}

/** The photos of a finding or a rectification, as thumbnails that open the full picture. */
export function Photos({
  ids,
  path,
  item,
}: {
  ids: string[];
  path: 'photos' | 'rectification-photos';
  item: string;
}) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  return (
    <Flex gap={8} wrap>
      {ids.map((id, n) => (
        <a key={id} href={`/api/v1/inspections/${path}/${id}`} target="_blank" rel="noreferrer">
          <img
            src={`/api/v1/inspections/${path}/${id}`}
            alt={t('inspections.visits.photoAlt', { item, n: n + 1 })}
            style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 4 }}
          />
          <NewTabHint />
        </a>
      ))}
    </Flex>
  );
}

/** What was found on an item, read only: the result, the note and, for an issue, what to rectify by when. */
export function FindingSummary({ item }: { item: ChecklistItem }) {
  const { t } = useTranslation();
  const f = item.finding;
  if (!f) return <Typography.Text type="secondary">{t('inspections.visits.notRecorded')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      <span>
        <Tag color={findingColor[f.result]} data-testid="finding-result">
          {t(`inspections.findingResult.${f.result}`)}
        </Tag>
        {f.note}
      </span>
      {f.requirement && (
        <Typography.Text>
          {t('common.labelOf', { label: t('inspections.visits.requirement') })}
          {f.requirement}
          {t('common.inParens', {
            text: f.dueDate
              ? t(
                  f.dueProvisional !== null
                    ? 'inspections.visits.dueDateProvisional'
                    : 'inspections.visits.dueDate',
                  { date: f.dueDate, year: f.dueProvisional },
                )
              : t('inspections.visits.dueIn', { count: f.deadlineDays ?? 0 }),
          })}
        </Typography.Text>
      )}
      <Photos ids={f.photos.map((p) => p.id)} path="photos" item={item.name} />
    </Flex>
  );
}

/**
 * One item of a started visit's checklist on the inspector's phone: the finding, a note, for an
 * issue the rectification and its deadline in working days, and photos once the finding is saved.
 */
export function FindingCard({
  visitId,
  item,
  editable,
  onChange,
}: {
  visitId: string;
  item: ChecklistItem;
  editable: boolean;
  onChange: (visit: InspectionVisit) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const name = `finding-${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const [form] = Form.useForm<Values>();
  const [uploading, setUploading] = useState(false);
  const result = Form.useWatch('result', form) ?? item.finding?.result;
  const { submit, busy } = useFormSubmit<Values>(form, async (values) => {
    const issue = values.result === 'issue';
    const body = {
      result: values.result,
      note: values.note ?? '',
      ...(issue ? { requirement: values.requirement, deadlineDays: values.deadlineDays } : {}),
    };
    onChange(
      unwrap(
        await api.PUT('/api/v1/inspections/visits/{id}/findings/{itemId}', {
          params: { path: { id: visitId, itemId: item.id } },
          body: body as FindingInput,
        }),
      ),
    );
  });
  const addPhoto = async (file: File) => {
    if (!item.finding) return;
    setUploading(true);
    try {
      unwrap(
        await api.POST('/api/v1/inspections/findings/{id}/photos', {
          params: { path: { id: item.finding.id } },
          ...fileForm(file),
        }),
      );
      onChange(
        unwrap(await api.GET('/api/v1/inspections/visits/{id}', { params: { path: { id: visitId } } })),
      );
    } catch (error) {
      onProblem(error);
    } finally {
      setUploading(false);
    }
  };
  const f = item.finding;
  return (
    <Card size="small" title={item.name} data-testid="checklist-item" extra={<Tag>{item.unit}</Tag>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('common.labelOf', { label: t('inspections.visits.legalBasis') })}
        {item.legalBasis}
      </Typography.Paragraph>
      {!editable ? (
        <FindingSummary item={item} />
      ) : (
        <Form
          form={form}
          name={name}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            result: f?.result,
            note: f?.note,
            requirement: f?.requirement ?? undefined,
            deadlineDays: f?.deadlineDays ?? 10,
          }}
        >
          <Form.Item name="result" label={t('inspections.visits.result')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={findingResults.map((r) => ({ value: r, label: t(`inspections.findingResult.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('inspections.visits.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          {result === 'issue' && (
            <>
              <Form.Item
                name="requirement"
                label={t('inspections.visits.requirement')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Form.Item
                name="deadlineDays"
                label={t('inspections.visits.deadlineDays')}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={60} precision={0} />
              </Form.Item>
            </>
          )}
          <Flex gap={8} wrap align="center">
            <Button htmlType="submit" type="primary" loading={busy} data-testid="finding-save">
              {t('inspections.visits.save')}
            </Button>
            {f && (
              <Upload
                accept="image/jpeg,image/png"
                showUploadList={false}
                beforeUpload={(file) => {
                  void addPhoto(file);
                  return false;
                }}
              >
                <Button loading={uploading} data-testid="finding-photo">
                  {t('inspections.visits.addPhoto')}
                </Button>
              </Upload>
            )}
          </Flex>
          {f && (
            <div style={{ marginTop: 8 }}>
              <Photos ids={f.photos.map((p) => p.id)} path="photos" item={item.name} />
            </div>
          )}
        </Form>
      )}
    </Card>
  );
}
