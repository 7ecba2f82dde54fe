import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useFeedback } from '../../../components/Feedback';
import { emptyUnlessFailed } from '../../../components/LoadFailed';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { type Campaign, domainLabel, rejectReasonLabel, type StaffSuggestion } from '../shared';
import { MergeTargetSelect } from './MergeTargetSelect';

type Bulk = components['schemas']['BulkScreenInput'];

type Decision = Bulk['decision'];

/**
 * Accept, reject with a reason, merge into another suggestion or reclassify the selected rows:
 * each decision only when the server allows it on every one of them (all or none are screened).
 */
export function BulkBar({
  rows,
  campaign,
  campaignLoad,
  onDone,
}: {
  rows: StaffSuggestion[];
  campaign: Campaign | null;
  /** The load that gave `campaign`: when it failed, the reasons and domains say so, with a retry. */
  campaignLoad?: { failed: boolean; reload(): Promise<void> | void };
  onDone(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [reason, setReason] = useState<string>();
  const [domain, setDomain] = useState<string>();
  const [into, setInto] = useState<string>();
  const ids = rows.map((r) => r.id);
  const { submit: run, busy } = useFormSubmit(undefined, async (body: Omit<Bulk, 'ids'>) => {
    const result = unwrap(await api.POST('/api/v1/ideas/screening/bulk', { body: { ids, ...body } }));
    void message.success(t('ideas.screening.updated', { count: result.updated }));
    onDone();
  });
  const refused = (decision: Decision) => rows.length === 0 || rows.some((r) => !r.actions[decision]);
  return (
    <Space wrap>
      <Typography.Text type="secondary">
        {t('ideas.screening.selected', { count: ids.length })}
      </Typography.Text>
      <Button
        type="primary"
        disabled={refused('accept')}
        loading={busy}
        onClick={() => run({ decision: 'accept' })}
        data-testid="bulk-accept"
      >
        {t('ideas.screening.accept')}
      </Button>
      <Space.Compact>
        <Select
          aria-label={t('ideas.screening.reason')}
          placeholder={t('ideas.screening.reason')}
          value={reason}
          onChange={setReason}
          style={{ width: 150 }}
          notFoundContent={campaignLoad && emptyUnlessFailed(campaignLoad)}
          options={(campaign?.rejectReasons ?? []).map((r) => ({
            value: r,
            label: rejectReasonLabel(t, r),
          }))}
        />
        <Button
          danger
          disabled={refused('reject') || !reason}
          loading={busy}
          onClick={() => run({ decision: 'reject', reason })}
          data-testid="bulk-reject"
        >
          {t('ideas.screening.reject')}
        </Button>
      </Space.Compact>
      <Space.Compact>
        <Select
          aria-label={t('ideas.screening.reclassifyTo')}
          placeholder={t('ideas.fields.domain')}
          value={domain}
          onChange={setDomain}
          style={{ width: 190 }}
          popupMatchSelectWidth={false}
          notFoundContent={campaignLoad && emptyUnlessFailed(campaignLoad)}
          options={(campaign?.domains ?? []).map((d) => ({
            value: d.code,
            label: domainLabel(t, d.code, d.name),
          }))}
        />
        <Button
          disabled={refused('reclassify') || !domain}
          loading={busy}
          onClick={() => run({ decision: 'reclassify', domain })}
          data-testid="bulk-reclassify"
        >
          {t('ideas.screening.reclassify')}
        </Button>
      </Space.Compact>
      <Space.Compact>
        <MergeTargetSelect value={into} onChange={setInto} exclude={ids} />
        <Button
          disabled={refused('merge') || !into || ids.includes(into)}
          loading={busy}
          onClick={() => run({ decision: 'merge', into })}
          data-testid="bulk-merge"
        >
          {t('ideas.screening.merge')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
