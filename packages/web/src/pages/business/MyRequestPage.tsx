import { Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
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
  );
  const request = changed?.id === id ? changed : loaded.data;
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Link to="/firm/requests">{t('business.requests.back')}</Link>
      {request ? (
        <RequestView request={request} onChange={setChanged} />
      ) : (
        <Spin style={{ display: 'block', marginTop: 64 }} />
      )}
    </div>
  );
}
