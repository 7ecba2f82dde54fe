import { useCallback, useEffect, useRef, useState } from 'react';
import { useProblemHandler } from './useProblemHandler';

/**
 * Loads data when `key` changes and on demand; failures go to the problem handler, and `failed`
 * says the last load failed, so a page can say so where its data would be rather than read as
 * empty.
 */
export function useLoad<T>(load: () => Promise<T>, key: unknown[]) {
  const onProblem = useProblemHandler();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loader.current());
      setFailed(false);
    } catch (error) {
      setFailed(true);
      onProblem(error);
    } finally {
      setLoading(false);
    }
  }, [onProblem]);
  const when = JSON.stringify(key);
  useEffect(() => {
    if (when) void reload();
  }, [reload, when]);
  return { data, loading, failed, reload };
}
