import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { type StaffSuggestion, useLoad } from '../shared';
import { useDebounced } from '../useDebounced';

/** Statuses a suggestion can be merged into (the server checks it again). */
const targets = new Set<StaffSuggestion['status']>(['submitted', 'accepted', 'adopted']);

/**
 * Search-as-you-type over the screening queue (the caller's towns) by the words of a title: it
 * shows titles and answers the chosen suggestion's id. The rows being merged are not offered.
 */
export function MergeTargetSelect({
  value,
  onChange,
  exclude,
}: {
  value: string | undefined;
  onChange(id: string | undefined): void;
  exclude: readonly string[];
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const { data, loading, failed, reload } = useLoad(
    async () =>
      q
        ? unwrap(await api.GET('/api/v1/ideas/suggestions', { params: { query: { q, pageSize: 20 } } })).items
        : [],
    ['merge-target', q],
  );
  // A failed search says so in the list, not that nothing matches.
  const shown = failed && !loading;
  const options = (shown ? [] : (data ?? []))
    .filter((s) => targets.has(s.status) && !exclude.includes(s.id))
    .map((s) => ({ value: s.id, label: s.title, title: s.title }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      allowClear
      aria-label={t('ideas.screening.mergeTarget')}
      placeholder={t('ideas.screening.mergeTarget')}
      value={value}
      onChange={(id) => onChange(id ?? undefined)}
      loading={loading && !!q}
      notFoundContent={
        shown ? (
          <LoadFailed onRetry={() => void reload()} />
        ) : q ? (
          t('ideas.screening.noMergeTarget')
        ) : (
          t('ideas.screening.typeToSearch')
        )
      }
      options={options}
      style={{ width: 240 }}
      popupMatchSelectWidth={360}
      data-testid="bulk-merge-into"
    />
  );
}
