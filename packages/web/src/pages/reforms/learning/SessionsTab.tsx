import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { dayInChina } from '../../../components/dayInChina';
import { useFeedback } from '../../../components/Feedback';
import { fixedPaging } from '../../../components/fixedPaging';
import { emptyUnlessFailed } from '../../../components/LoadFailed';
import { HiddenActionsTitle, RowActionButton } from '../../../components/rowActions';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useLoad } from '../shared';
import { SessionDrawer } from './SessionDrawer';
import { SessionFormModal } from './SessionFormModal';
import type { StudySessionSummary } from './shared';

/** Learning sessions for cadres: the schedule, who attended, and one's own attendance in a click. */
export function SessionsTab() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/study/sessions')),
    [],
  );
  const attend = async (s: StudySessionSummary) => {
    try {
      unwrap(
        await api.POST('/api/v1/reforms/study/sessions/{id}/attend', {
          params: { path: { id: s.id } },
          body: { attended: !s.attended },
        }),
      );
      void message.success(t(s.attended ? 'reforms.learning.unmarked' : 'reforms.learning.marked'));
      await reload();
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Flex vertical gap={16}>
      {data?.actions.create && (
        <div>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('reforms.learning.planSession')}
          </Button>
        </div>
      )}
      <Table<StudySessionSummary>
        rowKey="id"
        size="small"
        loading={loading}
        // A failed load says so where the rows would be, never as an empty list.
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        dataSource={data?.items ?? []}
        pagination={{ ...fixedPaging(), hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('reforms.learning.sessionTitle'),
            key: 'title',
            render: (_, s) => (
              <Button
                type="link"
                style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => setOpen(s.id)}
              >
                {s.title}
              </Button>
            ),
          },
          {
            title: t('reforms.learning.form'),
            key: 'form',
            render: (_, s) => (
              <Tag color={s.form === 'online' ? 'blue' : 'default'}>
                {t(`reforms.learning.forms.${s.form}`)}
              </Tag>
            ),
          },
          {
            title: t('reforms.learning.schedule'),
            key: 'schedule',
            render: (_, s) => `${s.date} ${s.startTime}–${s.endTime}`,
          },
          { title: t('reforms.learning.teacher'), dataIndex: 'teacher' },
          { title: t('reforms.learning.attendance'), dataIndex: 'attendeeCount' },
          {
            title: <HiddenActionsTitle />,
            key: 'attend',
            // Attendance is taken from the session's day in the district (the server refuses it
            // before): a session still to come says when, rather than offer a button refused.
            render: (_, s) =>
              s.date > dayInChina(new Date().toISOString()) ? (
                <Typography.Text type="secondary">{t('reforms.learning.markFromDay')}</Typography.Text>
              ) : (
                <RowActionButton
                  type={s.attended ? 'default' : 'primary'}
                  onClick={() => attend(s)}
                  action={t(s.attended ? 'reforms.learning.unmark' : 'reforms.learning.mark')}
                  row={s.title}
                />
              ),
          },
        ]}
      />
      {creating && (
        <SessionFormModal
          session={null}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            void message.success(t('reforms.learning.saved'));
            void reload();
          }}
        />
      )}
      {open && (
        <SessionDrawer
          id={open}
          onClose={() => {
            setOpen(null);
            void reload();
          }}
        />
      )}
    </Flex>
  );
}
