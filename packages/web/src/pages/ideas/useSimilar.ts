import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useDebounced } from './useDebounced';

/** Matches below this probability are not worth showing to a citizen. */
export const SHOW_FROM = 0.35;

export type SimilarMatch = components['schemas']['SimilarMatch'];

/**
 * Similar existing suggestions and the likely domain, asked of the server once the typing
 * settles. The server matches against every suggestion of the campaign with its near-duplicate
 * index, so the page loads neither a list of suggestions nor the text engine.
 */
export function useSimilar(text: string) {
  const api = useApi();
  const [matches, setMatches] = useState<SimilarMatch[]>([]);
  const [domain, setDomain] = useState<string | null>(null);
  const settled = useDebounced(text.trim());

  useEffect(() => {
    if (settled.length < 4) {
      setMatches([]);
      return;
    }
    let live = true;
    void (async () => {
      try {
        const result = unwrap(
          await api.POST('/api/v1/public/suggestions/similar', { body: { text: settled } }),
        );
        if (!live) return;
        setDomain(result.domain.code);
        setMatches(result.similar.filter((m) => m.duplicate || m.similarity >= SHOW_FROM));
      } catch {
        // Without an answer the form still works; it only cannot warn of duplicates or suggest the domain.
      }
    })();
    return () => {
      live = false;
    };
  }, [api, settled]);

  return { matches, domain };
}
