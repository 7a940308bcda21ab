import { charterArticles, type CharterArticle } from '@liaison/core/policy/charterArticles';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCharter } from '../../api/charter.ts';
import { queryKeys } from '../../api/keys.ts';

/**
 * The charter in force, in the reader's language. `fresh` asks the server again on every mount (the
 * acceptance screen must show the version really in force); otherwise it is kept an hour, enough for
 * citing article headings.
 */
export function useCharterInForce({ fresh = false }: { fresh?: boolean } = {}) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: queryKeys.charter(i18n.language),
    queryFn: () => fetchCharter(i18n.language),
    staleTime: fresh ? 0 : 60 * 60_000,
    retry: 1,
  });
}

/** The articles of the charter in force, or null until (or unless) it is fetched. */
export function useCharterArticles(): CharterArticle[] | null {
  const text = useCharterInForce().data?.text ?? null;
  return useMemo(() => (text === null ? null : charterArticles(text)), [text]);
}
