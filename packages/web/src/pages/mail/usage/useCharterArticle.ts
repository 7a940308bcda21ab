import { charterArticle, type CharterArticle } from '@liaison/core/policy/charterArticles';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCharter } from '../../../api/accounts.ts';
import { queryKeys } from '../../../api/keys.ts';

/**
 * One article of the charter in force, in the reader's language, for a finding or a hold that cites
 * it. The charter is fetched once and kept (it changes when a new version is published); until it is
 * there, or if it cannot be fetched, the citation shows the number alone.
 */
export function useCharterArticle(number: number | null): CharterArticle | null {
  const { i18n } = useTranslation();
  const charter = useQuery({
    queryKey: queryKeys.charter(i18n.language),
    queryFn: () => fetchCharter(i18n.language),
    enabled: number !== null,
    staleTime: 60 * 60_000,
    retry: 1,
  });
  const text = charter.data?.text ?? null;
  return useMemo(
    () => (text === null || number === null ? null : charterArticle(text, number)),
    [text, number],
  );
}
