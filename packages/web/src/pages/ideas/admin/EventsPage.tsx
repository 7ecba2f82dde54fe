import { Button, Flex, Modal, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadedName, LoadFailed } from '../../../components/LoadFailed';
import { RowActionButton } from '../../../components/rowActions';
import { type IdeaEvent, type ListedEvent, useCount, useLoad, useTowns } from '../shared';
import { EventForm } from './EventForm';

/** The event being recorded (null) or corrected; undefined while the form is closed. */
type Editing = IdeaEvent | null | undefined;

/**
 * 走出去, 请回来, 座谈会, 演讲, 走访, 论坛: the campaign's events with their attendance, each title
 * opening the event's page. The server says who may record one and which each person may
 * correct (an organiser, those of their own towns).
 */
export function EventsPage() {
  const { t } = useTranslation();
  const count = useCount();
  const api = useApi();
  const townList = useTowns();
  const { units, nameOf } = townList;
  const [editing, setEditing] = useState<Editing>(undefined);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/events')),
    ['events'],
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('ideas.events.title')}</Typography.Title>
      {data?.actions.create && (
        <div>
          <Button type="primary" onClick={() => setEditing(null)} data-testid="event-create">
            {t('ideas.events.create')}
          </Button>
        </div>
      )}
      {/* The organisers' names failed to load: said beside the table, each row's organiser says so. */}
      {townList.failed && !failed && <LoadFailed onRetry={() => void townList.reload()} />}
      <Table<ListedEvent>
        rowKey="id"
        size="small"
        loading={loading && !!data}
        dataSource={failed ? [] : (data?.items ?? [])}
        scroll={{ x: 'max-content' }}
        // While the first load runs the table shows a skeleton, never "no data"; a failed load says so.
        locale={
          failed && !loading
            ? { emptyText: <LoadFailed onRetry={() => void reload()} /> }
            : data
              ? undefined
              : { emptyText: <Skeleton active /> }
        }
        columns={[
          { title: t('ideas.events.heldOn'), dataIndex: 'heldOn' },
          {
            title: t('ideas.events.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`ideas.eventKind.${k}`),
          },
          {
            title: t('ideas.fields.title'),
            dataIndex: 'title',
            render: (title: string, e) => (
              <Link to={`/admin/ideas/events/${e.id}`} data-testid={`event-link-${e.id}`}>
                {title}
              </Link>
            ),
          },
          { title: t('ideas.events.place'), dataIndex: 'place' },
          {
            title: t('ideas.events.organiser'),
            dataIndex: 'organiserUnitId',
            render: (id: string) => <LoadedName name={nameOf.get(id)} failed={townList.failed} />,
          },
          {
            title: t('ideas.events.attendance'),
            dataIndex: 'attendanceCount',
            align: 'right',
            render: count,
          },
          {
            title: t('ideas.events.suggestions'),
            dataIndex: 'suggestionIds',
            render: (ids: string[]) => ids.length,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, e) =>
              e.actions.update && (
                <RowActionButton
                  onClick={() => setEditing(e)}
                  data-testid={`event-edit-${e.id}`}
                  action={t('common.edit')}
                  row={e.title}
                />
              ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing ? editing.title : t('ideas.events.create')}
        footer={null}
        onCancel={() => setEditing(undefined)}
        destroyOnHidden
      >
        <EventForm
          units={units}
          unitsLoad={townList}
          event={editing ?? undefined}
          onDone={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      </Modal>
    </Flex>
  );
}
