import { useCallback, useEffect, useState } from 'react';
import { useApi } from './ApiContext';
import { unwrap } from './problem';
import type { Unit } from './types';

/**
 * The unit tree as the flat list the API gives, with a reload for after changes (and to ask again);
 * `failed` says the last load failed (a picker would otherwise offer no units).
 */
export function useUnits() {
  const api = useApi();
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setUnits(unwrap(await api.GET('/api/v1/units')));
      setError(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { units, loading, error, failed: error !== null && !loading, reload };
}
