import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { toProblem, unwrap } from '../../api/problem';
import { notThere } from '../../components/useLoad';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type RequestDetail, requestParam } from './requests';

/**
 * The request the console shows in its drawer, named in the address (`?request=<id>`), so that a
 * notice or a saved link opens it, and back and forward open and close it as they move: opening
 * adds it to the address, closing takes it away, each a step of the history, the other filters
 * kept. A request that cannot be read (gone elsewhere, a cut link) is said so, `onGone` is told
 * when it is not there, and it leaves the address in place of the step that named it.
 */
export function useAddressedRequest(onGone: () => void) {
  const api = useApi();
  const onProblem = useProblemHandler();
  const [params, setParams] = useSearchParams();
  const wanted = params.get(requestParam);
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  // What the effect below calls without fetching again when they change (they change every render).
  const latest = useRef({ onProblem, onGone, setParams });
  latest.current = { onProblem, onGone, setParams };

  const address = useCallback((id: string | null, replace = false) => {
    latest.current.setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set(requestParam, id);
        else next.delete(requestParam);
        return next;
      },
      { replace },
    );
  }, []);

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    api
      .GET('/api/v1/business/requests/{id}', { params: { path: { id: wanted } } })
      .then((res) => unwrap(res))
      .then(
        (request) => {
          if (current) setDetail(request);
        },
        (error: unknown) => {
          if (!current) return;
          latest.current.onProblem(error);
          if (notThere(toProblem(error))) latest.current.onGone();
          address(null, true);
        },
      );
    return () => {
      current = false;
    };
  }, [api, wanted, address]);

  const shown = detail !== null && detail.id === wanted ? detail : null;
  return {
    /** The request the drawer shows, once read. */
    shown,
    /** The address names a request not read yet. */
    opening: wanted !== null && shown === null ? wanted : null,
    open: (id: string) => address(id),
    close: () => address(null),
    /** The request as a step on it left it. */
    update: setDetail,
  };
}
