import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { useLoad } from '../shared';

/** On a project's page: the practices learned on study visits that inspired it; nothing when none did. */
export function ProjectPracticesCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/reforms/projects/{id}/study-practices', {
          params: { path: { id: projectId } },
        }),
      ),
    [projectId],
  );
  const { data } = loaded;
  // A failure says so where the card would be: its absence would read as a project no visit
  // inspired. A reader the practices are not open to (403) has no card, as before.
  if (!data && loaded.failed && loaded.problem?.status !== 403 && !loaded.loading)
    return (
      <Card size="small" title={t('reforms.learning.inspiredBy')} data-testid="project-study-practices">
        <LoadFailed onRetry={() => void loaded.reload()} />
      </Card>
    );
  if (!data?.items.length) return null;
  return (
    <Card size="small" title={t('reforms.learning.inspiredBy')} data-testid="project-study-practices">
      <List
        size="small"
        dataSource={data.items}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {p.title} <Tag>{p.sourcePlace}</Tag>
                </span>
              }
              description={<Link to={`/admin/reforms/learning/visits/${p.visitId}`}>{p.visitTitle}</Link>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
