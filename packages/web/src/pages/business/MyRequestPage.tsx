import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { MissingLoad } from '../../components/NotThere';
import { useLoad } from '../../components/useLoad';
import { RequestView } from './RequestView';
import type { RequestDetail } from './requests';

/** One of the firm's requests: its timeline, the answers, and the rating to give. */
export function MyRequestPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const [changed, setChanged] = useState<RequestDetail | null>(null);
  const loaded = useLoad(
    async () => unwrap(await api.GET('/api/v1/business/requests/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  const request = changed?.id === id ? changed : loaded.data;
  const back = <Link to="/firm/requests">{t('business.requests.back')}</Link>;
  // A request that is not there, or not this firm's, says so rather than load for ever; a load
  // that failed otherwise says so, with a retry.
  if (!request) return <MissingLoad load={loaded} back={back} />;
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      {back}
      <RequestView request={request} onChange={setChanged} />
    </div>
  );
}
