import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client.ts';
import { directoryKeys, exportUrl, searchDirectory } from '../../../api/directory.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { useSession } from '../../../lib/session.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useBookEntryIds } from '../addressBook/useBookEntries.ts';
import { Pager } from '../components/Pager.tsx';
import { ResultCard } from './ResultCard.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { PAGE_SIZE, useSearchState } from './useSearchState.ts';

/**
 * The directory search: open to everyone when the instance publishes its directory (signed-in users
 * also see unlisted entries). Results come as the person types.
 */
export function DirectorySearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.search.title'));
  const me = useSession().data ?? null;
  const state = useSearchState();
  const bookIds = useBookEntryIds(me !== null);
  const request = state.request;
  // With nothing to search on the query stays disabled; its key and function are never used then.
  const params = request ?? { q: '', limit: 0, offset: 0 };
  const results = useQuery({
    queryKey: directoryKeys.search(params),
    queryFn: ({ signal }) => searchDirectory(params, signal),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const headingId = useId();
  const loginRequired = isApiError(results.error) && results.error.status === 401;
  const data = request ? results.data : undefined;

  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={1}>{t('directory.search.title')}</Title>
        <Text c="dimmed">{t('directory.search.intro')}</Text>
      </Stack>
      <SearchFilters state={state} />
      {loginRequired ? (
        <Group gap="sm">
          <Text>{t('directory.search.loginRequired')}</Text>
          <Button component={Link} to="/login" size="xs">
            {t('directory.search.login')}
          </Button>
        </Group>
      ) : (
        <ErrorAlert error={results.error} />
      )}
      {request === null ? (
        <Text c="dimmed" data-testid="directory-hint">
          {t('directory.search.hint')}
        </Text>
      ) : null}
      {request !== null && results.isPending && !loginRequired && !results.isError ? <Loading /> : null}
      {data ? (
        <Stack component="section" aria-labelledby={headingId} gap="md">
          <Group justify="space-between" gap="xs">
            <Group gap="xs" aria-live="polite">
              <Title order={2} size="h4" id={headingId} data-testid="directory-total">
                {t('directory.search.total', { count: data.total })}
              </Title>
              {results.isFetching ? <Loader size="xs" aria-label={t('app.loading')} /> : null}
            </Group>
            {data.total > 0 ? (
              <Group gap="xs">
                <Anchor href={exportUrl('csv', params)} download size="sm">
                  {t('directory.search.exportCsv')}
                </Anchor>
                <Anchor href={exportUrl('xlsx', params)} download size="sm">
                  {t('directory.search.exportXlsx')}
                </Anchor>
              </Group>
            ) : null}
          </Group>
          {data.total === 0 ? (
            <Stack gap={2} data-testid="directory-empty">
              <Text fw={500}>{t('directory.search.empty')}</Text>
              <Text c="dimmed" size="sm">
                {t('directory.search.emptyHelp')}
              </Text>
            </Stack>
          ) : (
            <Stack
              component="ul"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('directory.search.resultsLabel')}
            >
              {data.results.map((hit) => (
                <li key={hit.id}>
                  <ResultCard hit={hit} me={me} inBook={bookIds.has(hit.id)} />
                </li>
              ))}
            </Stack>
          )}
          <Pager
            page={state.page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={(page) => {
              state.setPage(page);
              window.scrollTo({ top: 0 });
            }}
            label={t('directory.search.pages')}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
