import { Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listKinds } from '../shared';
import { ListEditor } from './ListEditor';
import { ReviewResults } from './ReviewResults';
import { ShortlistPanel } from './ShortlistPanel';

/** The office's selection: the shortlist for review, the review's results, then the three honour lists. */
export function SelectionPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('ideas.selection.title')}</Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'shortlist', label: t('ideas.selection.shortlist'), children: <ShortlistPanel /> },
          { key: 'results', label: t('ideas.selection.results'), children: <ReviewResults /> },
          ...listKinds.map((kind) => ({
            key: kind,
            label: t(`ideas.listKind.${kind}`),
            children: <ListEditor kind={kind} />,
          })),
        ]}
      />
    </Flex>
  );
}
