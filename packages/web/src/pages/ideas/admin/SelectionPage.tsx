import { Flex, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { listKinds, useLoad } from '../shared';
import { ListEditor } from './ListEditor';
import { ReviewResults } from './ReviewResults';
import { ShortlistPanel } from './ShortlistPanel';

/**
 * Selection: the shortlist for review, the review's results, then the three honour lists. The
 * server says which of them the caller may use: organisers keep the shortlist of their own towns,
 * the office has all three.
 */
export function SelectionPage() {
  const { t } = useTranslation();
  const api = useApi();
  const {
    data: may,
    loading,
    failed,
    reload,
  } = useLoad(async () => unwrap(await api.GET('/api/v1/ideas/selection')), []);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('ideas.selection.title')}</Typography.Title>
      {failed && !loading ? (
        <LoadFailed onRetry={() => void reload()} />
      ) : may ? (
        <Tabs
          destroyOnHidden
          items={[
            ...(may.shortlist
              ? [{ key: 'shortlist', label: t('ideas.selection.shortlist'), children: <ShortlistPanel /> }]
              : []),
            ...(may.results
              ? [{ key: 'results', label: t('ideas.selection.results'), children: <ReviewResults /> }]
              : []),
            ...(may.lists
              ? listKinds.map((kind) => ({
                  key: kind,
                  label: t(`ideas.listKind.${kind}`),
                  children: <ListEditor kind={kind} />,
                }))
              : []),
          ]}
        />
      ) : (
        <Skeleton active />
      )}
    </Flex>
  );
}
