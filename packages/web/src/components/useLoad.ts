import { useCallback, useEffect, useRef, useState } from 'react';
import { useProblemHandler } from './useProblemHandler';

/** Loads data when `key` changes and on demand; failures go to the problem handler. */
export function useLoad<T>(load: () => Promise<T>, key: unknown[]) {
  const onProblem = useProblemHandler();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const loader = useRef(load);
  loader.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loader.current());
    } catch (error) {
      onProblem(error);
    } finally {
      setLoading(false);
    }
  }, [onProblem]);
  const when = JSON.stringify(key);
  useEffect(() => {
    if (when) void reload();
  }, [reload, when]);
  return { data, loading, reload };
}
