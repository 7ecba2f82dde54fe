import { Button, Card, Descriptions, Flex, List, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { dayInChina } from '../../../components/dayInChina';
import { fileNameOf, saveBlob } from '../../../components/download';
import { useFeedback } from '../../../components/Feedback';
import { MissingLoad } from '../../../components/NotThere';
import { listed, period } from '../../../components/phrases';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useLoad } from '../shared';
import { LearningEditor } from './LearningEditor';
import { PracticeList } from './PracticeList';
import { fileBody, type StudyVisit, visitStatusColor } from './shared';
import { VisitFormModal } from './VisitFormModal';

/** One study visit: its plan and delegation, the trip recorded done, what it brought back and the report. */
export function VisitPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const loaded = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/study/visits/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  const [visit, setVisit] = useState<StudyVisit | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => setVisit(loaded.data), [loaded.data]);
  const path = { params: { path: { id } } };
  const run = async (work: () => Promise<StudyVisit | undefined>, done: string) => {
    try {
      const next = await work();
      if (next) setVisit(next);
      else await loaded.reload();
      void message.success(t(done));
    } catch (error) {
      onProblem(error);
    }
  };
  if (!visit)
    return (
      <MissingLoad
        load={loaded}
        back={<Link to="/admin/reforms/learning">{t('reforms.learning.back')}</Link>}
      />
    );
  const v = visit;
  const openReport = async (fileId: string, name: string) => {
    try {
      const result = await api.GET('/api/v1/reforms/study/report-files/{id}', {
        params: { path: { id: fileId } },
        parseAs: 'blob',
      });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, name));
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Flex vertical gap={16}>
      <Link to="/admin/reforms/learning">{t('reforms.learning.back')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {v.title}{' '}
        <Tag color={visitStatusColor[v.status]} data-testid="study-visit-status">
          {t(`reforms.learning.statuses.${v.status}`)}
        </Tag>
      </Typography.Title>
      <Space wrap>
        {v.actions.edit && (
          <Button onClick={() => setEditing(true)}>{t('reforms.learning.editVisit')}</Button>
        )}
        {v.actions.complete && (
          <Button
            type="primary"
            onClick={() =>
              run(
                async () => unwrap(await api.POST('/api/v1/reforms/study/visits/{id}/complete', path)),
                'reforms.learning.completed',
              )
            }
          >
            {t('reforms.learning.complete')}
          </Button>
        )}
        {v.status === 'planned' &&
          !v.actions.complete &&
          v.endDate > dayInChina(new Date().toISOString()) && (
            <Typography.Text type="secondary" data-testid="study-visit-not-over">
              {t('reforms.learning.completeAfter', { date: v.endDate })}
            </Typography.Text>
          )}
        {v.actions.report && (
          <Button
            type="primary"
            onClick={() =>
              run(
                async () => unwrap(await api.POST('/api/v1/reforms/study/visits/{id}/report', path)),
                'reforms.learning.reported',
              )
            }
          >
            {t('reforms.learning.handIn')}
          </Button>
        )}
      </Space>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'unit', label: t('reforms.learning.unit'), children: v.unitName },
            { key: 'dates', label: t('reforms.learning.dates'), children: period(t, v.startDate, v.endDate) },
            {
              key: 'destinations',
              label: t('reforms.learning.destinations'),
              children: listed(t, v.destinations),
            },
            { key: 'topics', label: t('reforms.learning.topics'), children: listed(t, v.topics) || '—' },
          ]}
        />
        <Typography.Title level={5}>
          {t('reforms.learning.delegationCount', { count: v.members.length })}
        </Typography.Title>
        <List
          size="small"
          dataSource={v.members}
          renderItem={(m) => (
            <List.Item>
              {m.name} · {m.unitName}
            </List.Item>
          )}
        />
      </Card>
      {v.actions.record ? (
        <LearningEditor
          visit={v}
          onSaved={(next) => {
            setVisit(next);
            void message.success(t('reforms.learning.saved'));
          }}
        />
      ) : (
        v.status !== 'planned' && (
          <>
            <Card size="small" title={t('reforms.learning.practices')}>
              <PracticeList
                visit={v}
                onSaved={(next) => {
                  setVisit(next);
                  void message.success(t('reforms.learning.saved'));
                }}
              />
            </Card>
            <Card size="small" title={t('reforms.learning.insights')}>
              <List
                size="small"
                dataSource={v.insights}
                renderItem={(i) => <List.Item>{i.text}</List.Item>}
              />
            </Card>
          </>
        )
      )}
      {v.status !== 'planned' && (
        <Card size="small" title={t('reforms.learning.report')}>
          <Flex vertical gap={8}>
            {!v.actions.record && <Typography.Paragraph>{v.reportSummary || '—'}</Typography.Paragraph>}
            {v.reportFile ? (
              <Flex align="center" gap={8} data-testid="study-report-file">
                <Button type="link" onClick={() => openReport(v.reportFile!.id, v.reportFile!.fileName)}>
                  {v.reportFile.fileName}
                </Button>
                {v.actions.record && (
                  <Button
                    size="small"
                    onClick={() =>
                      run(async () => {
                        unwrap(
                          await api.DELETE('/api/v1/reforms/study/report-files/{id}', {
                            params: { path: { id: v.reportFile!.id } },
                          }),
                        );
                        return undefined;
                      }, 'reforms.learning.removed')
                    }
                  >
                    {t('reforms.learning.remove')}
                  </Button>
                )}
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('reforms.learning.noReport')}</Typography.Text>
            )}
            {v.actions.record && !v.reportFile && (
              <Upload
                accept=".pdf,.docx"
                showUploadList={false}
                beforeUpload={(f) => {
                  void run(async () => {
                    unwrap(
                      await api.POST('/api/v1/reforms/study/visits/{id}/report-file', {
                        ...path,
                        ...fileBody(f),
                      }),
                    );
                    return undefined;
                  }, 'reforms.learning.uploaded');
                  return false;
                }}
              >
                <Button data-testid="study-report-upload">{t('reforms.learning.uploadReport')}</Button>
              </Upload>
            )}
          </Flex>
        </Card>
      )}
      {editing && (
        <VisitFormModal
          visit={v}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void message.success(t('reforms.learning.saved'));
            void loaded.reload();
          }}
        />
      )}
    </Flex>
  );
}
