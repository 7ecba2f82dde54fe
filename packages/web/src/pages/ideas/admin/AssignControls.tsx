import { Button, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { useProblemHandler } from '../../../components/useProblemHandler';
import type { Campaign } from '../shared';

/**
 * Experts per suggestion and the most reviews per expert, the campaign's own until the office
 * types others, then the assignment of the shortlist.
 */
export function AssignControls({ campaign, onAssigned }: { campaign: Campaign; onAssigned(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [k, setK] = useState(campaign.reviewersPerItem);
  const [maxLoad, setMaxLoad] = useState<number | null>(campaign.maxReviewsPerExpert);
  const [busy, setBusy] = useState(false);
  const assign = async () => {
    setBusy(true);
    try {
      const r = unwrap(await api.POST('/api/v1/ideas/reviews/assign', { body: { k, maxLoad } }));
      void message.success(t('ideas.selection.assigned', r));
      onAssigned();
    } catch (error) {
      onProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap align="center">
      <Typography.Text>{t('ideas.selection.reviewersPerItem')}</Typography.Text>
      <InputNumber
        aria-label={t('ideas.selection.reviewersPerItem')}
        min={1}
        max={9}
        precision={0}
        value={k}
        onChange={(v) => setK(v ?? campaign.reviewersPerItem)}
      />
      <Typography.Text>{t('ideas.selection.maxLoad')}</Typography.Text>
      <InputNumber
        aria-label={t('ideas.selection.maxLoad')}
        placeholder={t('ideas.selection.maxLoadHint')}
        style={{ width: 160 }}
        min={1}
        max={100000}
        precision={0}
        value={maxLoad}
        onChange={(v) => setMaxLoad(v)}
        data-testid="review-max-load"
      />
      <Button type="primary" onClick={assign} loading={busy} data-testid="review-assign">
        {t('ideas.selection.assign')}
      </Button>
    </Space>
  );
}
