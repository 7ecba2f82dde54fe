import { useCallback, useEffect, useRef, useState } from 'react';
import { toProblem } from '../api/problem';
import type { Problem } from '../api/types';
import { useProblemHandler } from './useProblemHandler';

/**
 * A record the address names that is not there: not found, or asked for by a malformed id (a
 * mistyped or cut link), which the server refuses as invalid input.
 */
export const notThere = (problem: Problem) => problem.status === 404 || problem.status === 400;

/** The session has ended (or never was): the server asks for a sign-in. */
export const signedOut = (problem: Problem) => problem.status === 401;

/**
 * Loads data when `key` changes and on demand; failures go to the problem handler, and `failed`
 * says the last load failed (`problem` says how), so a page can say so where its data would be
 * rather than read as empty. A page that says itself that its record is not there
 * (`notFoundOnPage`) is not also told so by a message; nor is one that sends a signed-out reader to
 sign in (`signInOnPage`), where a message would flash on the way.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  key: unknown[],
  options: { notFoundOnPage?: boolean; signInOnPage?: boolean } = {},
) {
  const onProblem = useProblemHandler();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const loader = useRef(load);
  loader.current = load;
  const quiet = options.notFoundOnPage === true;
  const quietSignedOut = options.signInOnPage === true;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loader.current());
      setProblem(null);
    } catch (error) {
      const found = toProblem(error);
      setProblem(found);
      if (!(quiet && notThere(found)) && !(quietSignedOut && signedOut(found))) onProblem(error);
    } finally {
      setLoading(false);
    }
  }, [onProblem, quiet, quietSignedOut]);
  const when = JSON.stringify(key);
  useEffect(() => {
    if (when) void reload();
  }, [reload, when]);
  return { data, loading, failed: problem !== null, problem, reload };
}
