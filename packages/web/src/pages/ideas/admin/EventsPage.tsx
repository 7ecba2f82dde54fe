import { Button, Flex, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { type IdeaEvent, useLoad, useTowns } from '../shared';
import { EventForm } from './EventForm';

/** 座谈会, 演讲, 走访, 论坛: the campaign's events with their attendance. */
export function EventsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { units, nameOf } = useTowns();
  const [open, setOpen] = useState(false);
  const { data, loading, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/events')),
    ['events'],
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('ideas.events.title')}</Typography.Title>
      <div>
        <Button type="primary" onClick={() => setOpen(true)} data-testid="event-create">
          {t('ideas.events.create')}
        </Button>
      </div>
      <Table<IdeaEvent>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('ideas.events.heldOn'), dataIndex: 'heldOn' },
          {
            title: t('ideas.events.kind'),
            dataIndex: 'kind',
            render: (k: string) => t(`ideas.eventKind.${k}`),
          },
          { title: t('ideas.fields.title'), dataIndex: 'title' },
          { title: t('ideas.events.place'), dataIndex: 'place' },
          {
            title: t('ideas.events.organiser'),
            dataIndex: 'organiserUnitId',
            render: (id: string) => nameOf.get(id) ?? '',
          },
          { title: t('ideas.events.attendance'), dataIndex: 'attendanceCount' },
          {
            title: t('ideas.events.suggestions'),
            dataIndex: 'suggestionIds',
            render: (ids: string[]) => ids.length,
          },
        ]}
      />
      <Modal
        open={open}
        title={t('ideas.events.create')}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <EventForm
          units={units}
          onDone={() => {
            setOpen(false);
            void reload();
          }}
        />
      </Modal>
    </Flex>
  );
}
