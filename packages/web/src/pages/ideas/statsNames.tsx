import { Skeleton } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { LoadFailed } from '../../components/LoadFailed';
import { domainLabelOf, type useCampaign, type useTowns } from './shared';

/** A chart's place while the names of its bars are still loading. */
function NamesPending() {
  return (
    <div data-testid="stats-names-pending" aria-busy="true">
      <Skeleton active />
    </div>
  );
}

/**
 * How the campaign's charts name their bars, for the public statistics and the staff dashboard
 * alike. Names that failed to load say so in their chart's place, and names still on their way
 * hold it with a placeholder: never bars with ids, codes or no label at all.
 */
export function statsNames(
  t: TFunction,
  towns: ReturnType<typeof useTowns>,
  campaign: ReturnType<typeof useCampaign>,
  byDomain: readonly { key: string }[],
): {
  townName(id: string): string;
  domainName(code: string): string;
  instead: { byTown?: ReactNode; byDomain?: ReactNode };
} {
  // Built-in domain codes have their own translation; only the others wait for the campaign.
  const domainsWait = !campaign.loaded && byDomain.some((c) => !domainLabelOf(t, c.key, null));
  return {
    townName: (id) => towns.nameOf.get(id) ?? t('ideas.stats.unlistedTown'),
    domainName: (code) => domainLabelOf(t, code, campaign.campaign) ?? '',
    instead: {
      byTown: towns.failed ? (
        <LoadFailed onRetry={() => void towns.reload()} />
      ) : towns.loaded ? undefined : (
        <NamesPending />
      ),
      byDomain: !domainsWait ? undefined : campaign.failed ? (
        <LoadFailed onRetry={() => void campaign.reload()} />
      ) : (
        <NamesPending />
      ),
    },
  };
}
