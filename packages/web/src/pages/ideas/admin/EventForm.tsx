import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import type { Unit } from '../../../api/types';
import { useFeedback } from '../../../components/Feedback';
import { FieldLoadFailed } from '../../../components/LoadFailed';
import { useProblemHandler } from '../../../components/useProblemHandler';
import type { IdeaEvent } from '../shared';

type EventInput = components['schemas']['IdeaEventInput'];
interface Values extends Omit<EventInput, 'attendees'> {
  attendeesText?: string;
}
const kinds = ['going_out', 'inviting_back', 'symposium', 'speech', 'visit', 'forum'] as const;

/**
 * Records an event, or corrects `event`: kind (走出去 and 请回来 first), date, place, organiser,
 * attendance (a count, and who came: units, roles or names, one a line) and minutes.
 */
export function EventForm({
  units,
  unitsLoad,
  event,
  onDone,
}: {
  units: Unit[];
  /** The load that gave `units`: when it failed, the organiser picker says so, with a retry. */
  unitsLoad?: { failed: boolean; reload(): Promise<void> | void };
  event?: IdeaEvent;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<Values>();
  const save = async ({ attendeesText, ...values }: Values) => {
    const attendees = (attendeesText ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const body = { ...values, attendees: attendees.length ? attendees : undefined };
    try {
      unwrap(
        event
          ? await api.PATCH('/api/v1/ideas/events/{id}', { params: { path: { id: event.id } }, body })
          : await api.POST('/api/v1/ideas/events', { body }),
      );
      void message.success(t(event ? 'ideas.events.updated' : 'ideas.events.saved'));
      onDone();
    } catch (error) {
      onProblem(error, form);
    }
  };
  return (
    <Form<Values>
      form={form}
      name="event"
      layout="vertical"
      onFinish={save}
      initialValues={
        event
          ? {
              kind: event.kind,
              title: event.title,
              heldOn: event.heldOn,
              place: event.place,
              organiserUnitId: event.organiserUnitId,
              attendanceCount: event.attendanceCount,
              attendeesText: event.attendees?.join('\n'),
              minutes: event.minutes,
            }
          : { kind: 'symposium' }
      }
    >
      <Form.Item name="kind" label={t('ideas.events.kind')} rules={[{ required: true }]}>
        <Select options={kinds.map((k) => ({ value: k, label: t(`ideas.eventKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('ideas.fields.title')} rules={[{ required: true, min: 2, max: 120 }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('ideas.events.heldOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="place" label={t('ideas.events.place')}>
        <Input maxLength={120} />
      </Form.Item>
      {unitsLoad && <FieldLoadFailed load={unitsLoad} />}
      <Form.Item name="organiserUnitId" label={t('ideas.events.organiser')} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="attendanceCount" label={t('ideas.events.attendance')}>
        <InputNumber min={0} max={100000} precision={0} />
      </Form.Item>
      <Form.Item
        name="attendeesText"
        label={t('ideas.events.attendees')}
        extra={t('ideas.events.attendeesHint')}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="minutes" label={t('ideas.events.minutes')}>
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="event-save">
        {t('ideas.events.save')}
      </Button>
    </Form>
  );
}
