import { Button, Flex, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { ProjectPicker } from './ProjectPicker';
import type { StudyVisit } from './shared';

type Practice = StudyVisit['practices'][number];

/** The practices as read, each with the projects it inspired; linking stays open after the report. */
export function PracticeList({ visit, onSaved }: { visit: StudyVisit; onSaved(v: StudyVisit): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const [linking, setLinking] = useState<Practice | null>(null);
  const [ids, setIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!linking) return;
    setBusy(true);
    try {
      onSaved(
        unwrap(
          await api.PUT('/api/v1/reforms/study/practices/{id}/projects', {
            params: { path: { id: linking.id } },
            body: { projectIds: ids },
          }),
        ),
      );
      setLinking(null);
    } catch (error) {
      onProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <List
        dataSource={visit.practices}
        locale={{ emptyText: t('reforms.learning.noPractices') }}
        renderItem={(p) => (
          <List.Item
            data-testid="study-practice"
            extra={
              visit.actions.link && (
                <Button
                  size="small"
                  onClick={() => {
                    setIds(p.projects.map((x) => x.id));
                    setLinking(p);
                  }}
                >
                  {t('reforms.learning.linkProjects')}
                </Button>
              )
            }
          >
            <List.Item.Meta
              title={
                <Flex gap={8} wrap>
                  <span>{p.title}</span>
                  <Tag>{p.sourcePlace}</Tag>
                </Flex>
              }
              description={
                <Flex vertical gap={4}>
                  {p.description && <Typography.Text>{p.description}</Typography.Text>}
                  {p.projects.length > 0 && (
                    <Flex gap={4} wrap>
                      <Typography.Text type="secondary">
                        {t('common.labelOf', { label: t('reforms.learning.inspired') })}
                      </Typography.Text>
                      {p.projects.map((x) => (
                        <Link key={x.id} to={`/admin/reforms/projects/${x.id}`}>
                          {x.name}
                        </Link>
                      ))}
                    </Flex>
                  )}
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      {linking && (
        <Modal
          open
          title={t('reforms.learning.linkProjectsOf', { title: linking.title })}
          onCancel={() => setLinking(null)}
          onOk={() => void save()}
          okButtonProps={{ loading: busy }}
          destroyOnHidden
        >
          <ProjectPicker
            value={ids}
            onChange={setIds}
            known={linking.projects}
            label={t('reforms.learning.inspired')}
          />
        </Modal>
      )}
    </>
  );
}
