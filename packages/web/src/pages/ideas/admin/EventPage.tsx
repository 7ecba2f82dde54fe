import { Button, Card, Descriptions, Flex, List, Modal, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { notThere } from '../../../components/useLoad';
import { useCount, useLoad, useTowns } from '../shared';
import { EventForm } from './EventForm';
import { EventSuggestions } from './EventSuggestions';

/**
 * One event's page: what it was, who came, its minutes and the suggestions collected there.
 * The server says whether the reader may correct it.
 */
export function EventPage() {
  const { t } = useTranslation();
  const count = useCount();
  const api = useApi();
  const { id = '' } = useParams();
  const townList = useTowns();
  const { units, nameOf } = townList;
  const [editing, setEditing] = useState(false);
  const {
    data: loaded,
    loading,
    problem,
    reload,
  } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/events/{id}', { params: { path: { id } } })),
    ['event', id],
    { notFoundOnPage: true },
  );
  // A failed load shows no event, not the one an earlier address showed.
  const event = problem && !loading ? null : loaded;
  const back = <Link to="/admin/ideas/events">{t('ideas.events.back')}</Link>;
  if (!event) {
    if (loading) return <Skeleton active paragraph={{ rows: 8 }} />;
    // The server or the network failed: say so, with a retry, not that the event is not there.
    if (problem && !notThere(problem))
      return (
        <Flex vertical gap={16} align="flex-start">
          {back}
          <LoadFailed onRetry={() => void reload()} />
        </Flex>
      );
    return <Result status="404" title={t('ideas.events.notFound')} extra={back} />;
  }
  return (
    <Flex vertical gap={16}>
      {back}
      <Flex gap={8} wrap align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="event-title">
          {event.title} <Tag color="blue">{t(`ideas.eventKind.${event.kind}`)}</Tag>
        </Typography.Title>
        {event.actions.update && (
          <Button onClick={() => setEditing(true)} data-testid="event-edit">
            {t('ideas.events.edit')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('ideas.events.kind'), children: t(`ideas.eventKind.${event.kind}`) },
            { key: 'heldOn', label: t('ideas.events.heldOn'), children: event.heldOn },
            { key: 'place', label: t('ideas.events.place'), children: event.place || '—' },
            {
              key: 'organiser',
              label: t('ideas.events.organiser'),
              // A name that failed to load says so, with its retry, never the unit's id nor a blank.
              children:
                nameOf.get(event.organiserUnitId) ??
                (townList.failed ? <LoadFailed onRetry={() => void townList.reload()} /> : ''),
            },
            {
              key: 'attendance',
              label: t('ideas.events.attendance'),
              children: count(event.attendanceCount),
            },
            {
              key: 'collected',
              label: t('ideas.events.suggestions'),
              children: event.suggestionIds.length,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('ideas.events.attendees')}>
        {event.attendees?.length ? (
          <List
            size="small"
            data-testid="event-attendees"
            dataSource={event.attendees}
            renderItem={(line) => <List.Item>{line}</List.Item>}
          />
        ) : (
          <Typography.Text type="secondary">{t('ideas.events.attendeesNone')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('ideas.events.minutes')}>
        {event.minutes ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="event-minutes">
            {event.minutes}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('ideas.events.minutesNone')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('ideas.events.collected')}>
        <EventSuggestions eventId={event.id} />
      </Card>
      <Modal
        open={editing}
        title={event.title}
        footer={null}
        onCancel={() => setEditing(false)}
        destroyOnHidden
      >
        <EventForm
          units={units}
          unitsLoad={townList}
          event={event}
          onDone={() => {
            setEditing(false);
            void reload();
          }}
        />
      </Modal>
    </Flex>
  );
}
