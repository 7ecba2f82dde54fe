import type { NearDuplicateIndex, NearDuplicateMatch } from '@qianxing/core/text';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useDebounced } from './useDebounced';

/** Matches below this probability are not worth showing to a citizen. */
export const SHOW_FROM = 0.35;

export interface SimilarMatch extends NearDuplicateMatch {
  title: string;
}

/**
 * Similar existing suggestions, found in the browser: the recent suggestions are loaded once
 * into a near-duplicate index, and the citizen's text is matched against it as they type.
 * The classifier's domain comes from the server. The text engine (segmenter and script folding,
 * about a third of the page's code) loads beside the list, after the form has shown.
 */
export function useSimilar(text: string) {
  const api = useApi();
  const [index, setIndex] = useState<NearDuplicateIndex | null>(null);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const [domain, setDomain] = useState<string | null>(null);
  const settled = useDebounced(text.trim());

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [response, text] = await Promise.all([
          api.GET('/api/v1/public/suggestions/recent', { params: { query: { limit: 1000 } } }),
          import('@qianxing/core/text'),
        ]);
        const recent = unwrap(response);
        if (!live) return;
        setTitles(new Map(recent.map((r) => [r.id, r.title])));
        setIndex(
          text.NearDuplicateIndex.build(recent.map((r) => ({ id: r.id, text: `${r.title}\n${r.body}` }))),
        );
      } catch {
        // Without the recent list the form still works; it only cannot warn of duplicates.
      }
    })();
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (settled.length < 4) return;
    let live = true;
    void (async () => {
      try {
        const result = unwrap(
          await api.POST('/api/v1/public/suggestions/similar', { body: { text: settled } }),
        );
        if (live) setDomain(result.domain.code);
      } catch {
        // The domain is only a suggestion; the citizen chooses it anyway.
      }
    })();
    return () => {
      live = false;
    };
  }, [api, settled]);

  const matches = useMemo<SimilarMatch[]>(() => {
    if (!index || settled.length < 4) return [];
    return index
      .query(settled, { limit: 5 })
      .filter((m) => m.duplicate || m.similarity >= SHOW_FROM)
      .map((m) => ({ ...m, title: titles.get(m.id) ?? m.text }));
  }, [index, titles, settled]);

  return { matches, domain, ready: index !== null };
}
