import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useLoad } from '../../components/useLoad';
import type { Industry } from './shared';

/** The industry list (GB/T 4754-2017 sections and the district's additions), retired ones included. */
export function useIndustries(): Industry[] {
  const api = useApi();
  const { data } = useLoad(async () => unwrap(await api.GET('/api/v1/business/industries')), ['industries']);
  return data ?? [];
}
