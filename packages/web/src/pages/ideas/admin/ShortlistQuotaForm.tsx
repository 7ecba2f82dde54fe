import { Button, Card, Flex, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { LoadFailed } from '../../../components/LoadFailed';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { domainLabel, useCampaign } from '../shared';

type Domain = components['schemas']['ShortlistDomain'];
type Quota = components['schemas']['ShortlistQuota'];

/**
 * The quota of each domain, saved on the campaign. A domain typed to the common quota is stored
 * without a quota of its own, so changing the common one moves it too.
 */
export function ShortlistQuotaForm({
  domains,
  quota,
  onSaved,
}: {
  domains: Domain[];
  quota: Quota;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const campaignLoad = useCampaign();
  const { campaign } = campaignLoad;
  const onProblem = useProblemHandler();
  const [perDomain, setPerDomain] = useState(quota.perDomain);
  const [own, setOwn] = useState<Record<string, number>>(quota.byDomain ?? {});
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!campaign) return;
    setSaving(true);
    try {
      const byDomain = Object.fromEntries(Object.entries(own).filter(([, n]) => n !== perDomain));
      unwrap(
        await api.PATCH('/api/v1/ideas/campaigns/{id}', {
          params: { path: { id: campaign.id } },
          body: { shortlistQuota: { perDomain, byDomain } },
        }),
      );
      onSaved();
    } catch (error) {
      onProblem(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('ideas.shortlist.quota')}>
      {/* The quota is saved on the campaign: without it, say so rather than save nothing. */}
      {campaignLoad.failed && <LoadFailed onRetry={() => void campaignLoad.reload()} />}
      <Flex wrap gap={16} align="end">
        <Flex vertical gap={4}>
          <Typography.Text>{t('ideas.campaigns.shortlistPerDomain')}</Typography.Text>
          <InputNumber
            aria-label={t('ideas.campaigns.shortlistPerDomain')}
            min={0}
            max={10000}
            precision={0}
            value={perDomain}
            onChange={(v) => setPerDomain(v ?? 0)}
            data-testid="shortlist-quota"
          />
        </Flex>
        {domains.map((d) => {
          const name = domainLabel(t, d.code, d.name);
          return (
            <Flex vertical gap={4} key={d.code}>
              <Typography.Text>{name}</Typography.Text>
              <InputNumber
                aria-label={name}
                min={0}
                max={10000}
                precision={0}
                value={own[d.code] ?? perDomain}
                onChange={(v) => setOwn({ ...own, [d.code]: v ?? perDomain })}
              />
            </Flex>
          );
        })}
        <Button onClick={save} loading={saving} data-testid="shortlist-quota-save">
          {t('ideas.shortlist.saveQuota')}
        </Button>
      </Flex>
    </Card>
  );
}
