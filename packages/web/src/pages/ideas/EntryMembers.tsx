import { Button, List, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { HonourListEntry, PublicSuggestion } from './shared';

/** The suggestions behind a hard problem, listed on demand, each a link to its page. */
export function EntryMembers({ entry }: { entry: HonourListEntry }) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<PublicSuggestion[] | null>(null);
  const toggle = async () => {
    setOpen(!open);
    if (items === null)
      setItems(
        unwrap(
          await api.GET('/api/v1/public/lists/entries/{id}/suggestions', {
            params: { path: { id: entry.id } },
          }),
        ),
      );
  };
  const listId = `entry-members-${entry.id}`;
  return (
    <div>
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => void toggle()}
        data-testid="entry-members-toggle"
      >
        {open
          ? t('ideas.lists.hideMembers')
          : t('ideas.lists.showMembers', { count: entry.memberIds.length })}
      </Button>
      {open && (
        <div id={listId}>
          {items === null ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <List
              size="small"
              data-testid="entry-members"
              dataSource={items}
              locale={{ emptyText: t('ideas.lists.noPublicMembers') }}
              renderItem={(s) => (
                <List.Item>
                  <Link to={`/ideas/${s.id}`}>{s.title}</Link>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </div>
  );
}
