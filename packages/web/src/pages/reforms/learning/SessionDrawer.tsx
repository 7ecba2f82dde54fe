import { Button, Descriptions, Drawer, Flex, Select, Skeleton, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { fileNameOf, saveBlob } from '../../../components/download';
import { useFeedback } from '../../../components/Feedback';
import { LoadFailed } from '../../../components/LoadFailed';
import { listed } from '../../../components/phrases';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useLoad } from '../shared';
import { SessionFormModal } from './SessionFormModal';
import { fileBody } from './shared';

/** One session: its schedule, materials and register; the organiser edits the register and materials. */
export function SessionDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const path = { params: { path: { id } } };
  const loaded = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/study/sessions/{id}', path)),
    [id],
  );
  const { data: s, reload } = loaded;
  const organise = s?.actions.organise ?? false;
  const cadres = useLoad(
    async () => (organise ? unwrap(await api.GET('/api/v1/reforms/study/cadres')).items : []),
    [organise],
  );
  const [register, setRegister] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  useEffect(() => setRegister(s?.attendees.map((a) => a.userId) ?? []), [s]);
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(t(done));
      await reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const open = async (fileId: string, name: string) => {
    try {
      const result = await api.GET('/api/v1/reforms/study/materials/{id}', {
        params: { path: { id: fileId } },
        parseAs: 'blob',
      });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, name));
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Drawer open onClose={onClose} title={s?.title ?? ''} width={560}>
      {!s && loaded.failed && !loaded.loading ? (
        <LoadFailed onRetry={() => void reload()} />
      ) : !s ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'form',
                label: t('reforms.learning.form'),
                children: t(`reforms.learning.forms.${s.form}`),
              },
              {
                key: 'when',
                label: t('reforms.learning.schedule'),
                children: `${s.date} ${s.startTime}–${s.endTime}`,
              },
              { key: 'place', label: t('reforms.learning.place'), children: s.place || '—' },
              { key: 'unit', label: t('reforms.learning.unit'), children: s.unitName },
              { key: 'teacher', label: t('reforms.learning.teacher'), children: s.teacher },
              { key: 'topic', label: t('reforms.learning.topic'), children: s.topic || '—' },
            ]}
          />
          {s.actions.edit && (
            <div>
              <Button onClick={() => setEditing(true)}>{t('reforms.learning.editSession')}</Button>
            </div>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('reforms.learning.materials')}
          </Typography.Title>
          {s.materials.length === 0 && (
            <Typography.Text type="secondary">{t('reforms.learning.noMaterials')}</Typography.Text>
          )}
          {s.materials.map((m) => (
            <Flex key={m.id} align="center" gap={8}>
              <Button type="link" onClick={() => open(m.id, m.fileName)}>
                {m.fileName}
              </Button>
              {organise && (
                <Button
                  size="small"
                  onClick={() =>
                    run(
                      async () =>
                        unwrap(
                          await api.DELETE('/api/v1/reforms/study/materials/{id}', {
                            params: { path: { id: m.id } },
                          }),
                        ),
                      'reforms.learning.removed',
                    )
                  }
                >
                  {t('reforms.learning.remove')}
                </Button>
              )}
            </Flex>
          ))}
          {organise && (
            <Upload
              accept=".pdf,.docx,.png,.jpg,.jpeg"
              showUploadList={false}
              beforeUpload={(f) => {
                void run(
                  async () =>
                    unwrap(
                      await api.POST('/api/v1/reforms/study/sessions/{id}/materials', {
                        ...path,
                        ...fileBody(f),
                      }),
                    ),
                  'reforms.learning.uploaded',
                );
                return false;
              }}
            >
              <Button>{t('reforms.learning.uploadMaterial')}</Button>
            </Upload>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('reforms.learning.attendeesCount', { count: s.attendeeCount })}
          </Typography.Title>
          {organise ? (
            <Flex vertical gap={8}>
              {/* Without the cadres the register would show bare ids, and nobody to add. */}
              {cadres.failed && <LoadFailed onRetry={() => void cadres.reload()} />}
              <Select
                mode="multiple"
                aria-label={t('reforms.learning.register')}
                value={register}
                onChange={setRegister}
                optionFilterProp="label"
                options={(cadres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
              <div>
                <Button
                  type="primary"
                  onClick={() =>
                    run(
                      async () =>
                        unwrap(
                          await api.PUT('/api/v1/reforms/study/sessions/{id}/attendance', {
                            ...path,
                            body: { userIds: register },
                          }),
                        ),
                      'reforms.learning.registerSaved',
                    )
                  }
                >
                  {t('reforms.learning.saveRegister')}
                </Button>
              </div>
            </Flex>
          ) : (
            <Typography.Text>
              {listed(
                t,
                s.attendees.map((a) => a.name),
              ) || '—'}
            </Typography.Text>
          )}
        </Flex>
      )}
      {editing && s && (
        <SessionFormModal
          session={s}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void message.success(t('reforms.learning.saved'));
            void reload();
          }}
        />
      )}
    </Drawer>
  );
}
