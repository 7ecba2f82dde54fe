import { Button, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import type { Unit } from '../../../api/types';
import { useFeedback } from '../../../components/Feedback';
import { FieldLoadFailed, LoadFailed } from '../../../components/LoadFailed';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useLoad } from '../shared';
import { useDebounced } from '../useDebounced';

type Adopt = components['schemas']['AdoptInput'];

/** Creates an action from a suggestion (searched) or from an entry of a list. */
export function AdoptForm({
  units,
  unitsLoad,
  onDone,
}: {
  units: Unit[];
  /** The load that gave `units`: when it failed, the owner picker says so, with a retry. */
  unitsLoad?: { failed: boolean; reload(): Promise<void> | void };
  onDone(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm<Adopt>();
  const [from, setFrom] = useState<'suggestion' | 'entry'>('suggestion');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const searched = useLoad(
    async () =>
      q
        ? unwrap(
            await api.GET('/api/v1/ideas/suggestions', { params: { query: { q, pageSize: 20, page: 1 } } }),
          ).items
        : [],
    [q],
  );
  const found = searched.failed ? null : searched.data;
  const listsLoad = useLoad(async () => unwrap(await api.GET('/api/v1/ideas/lists')), ['lists']);
  const lists = listsLoad.data;
  // A failed load says so in the picker's list, not that nothing matches.
  const failedIn = (load: typeof listsLoad | typeof searched) =>
    load.failed && !load.loading ? <LoadFailed onRetry={() => void load.reload()} /> : undefined;
  // Only a published list's entries: a draft's are replaced on every save.
  const entries = (lists ?? [])
    .filter((l) => l.publishedAt)
    .flatMap((l) =>
      l.entries.map((e) => ({
        value: e.id,
        label: `${t(`ideas.listKind.${l.kind}`)} ${e.rank}. ${e.title}`,
        title: e.title,
      })),
    );
  const save = async (values: Adopt) => {
    try {
      unwrap(await api.POST('/api/v1/ideas/actions', { body: values }));
      void message.success(t('ideas.adoption.adopted'));
      onDone();
    } catch (error) {
      onProblem(error, form);
    }
  };
  return (
    <Form<Adopt> form={form} name="adopt" layout="vertical" onFinish={save}>
      <Radio.Group value={from} onChange={(e) => setFrom(e.target.value)} style={{ marginBottom: 16 }}>
        <Radio.Button value="suggestion">{t('ideas.adoption.fromSuggestion')}</Radio.Button>
        <Radio.Button value="entry">{t('ideas.adoption.fromEntry')}</Radio.Button>
      </Radio.Group>
      {from === 'suggestion' ? (
        <Form.Item name="suggestionId" label={t('ideas.adoption.suggestion')} rules={[{ required: true }]}>
          <Select
            data-testid="adopt-suggestion"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            notFoundContent={failedIn(searched)}
            options={(found ?? [])
              .filter((s) => s.status !== 'merged' && s.status !== 'rejected')
              .map((s) => ({ value: s.id, label: s.title }))}
            onChange={(id) => form.setFieldValue('title', found?.find((s) => s.id === id)?.title)}
          />
        </Form.Item>
      ) : (
        <Form.Item name="entryId" label={t('ideas.adoption.entry')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={failedIn(listsLoad)}
            options={entries}
            onChange={(id) => form.setFieldValue('title', entries.find((e) => e.value === id)?.title)}
          />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t('ideas.adoption.actionTitle')}
        rules={[{ required: true, min: 2, max: 120 }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      {unitsLoad && <FieldLoadFailed load={unitsLoad} />}
      <Form.Item name="ownerUnitId" label={t('ideas.adoption.owner')} rules={[{ required: true }]}>
        <Select
          data-testid="adopt-owner"
          showSearch={{ optionFilterProp: 'label' }}
          options={units
            .filter((u) => u.kind !== 'community' && u.kind !== 'village')
            .map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="dueOn" label={t('ideas.adoption.dueOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="adopt-submit">
        {t('ideas.adoption.save')}
      </Button>
    </Form>
  );
}
