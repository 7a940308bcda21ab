import { Button, Grid, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accentInsensitiveFilter, specialtyGroups } from '../labels.ts';
import type { useSearchState } from './useSearchState.ts';

type SearchState = ReturnType<typeof useSearchState>;

/** The search box and its two filters; one column on a phone, one row on a desk screen. */
export function SearchFilters({ state }: { state: SearchState }) {
  const { t, i18n } = useTranslation();
  return (
    <form role="search" onSubmit={(event) => event.preventDefault()}>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            type="search"
            size="md"
            label={t('directory.search.query')}
            placeholder={t('directory.search.queryPlaceholder')}
            value={state.text}
            onChange={(event) => state.setText(event.currentTarget.value)}
            autoComplete="off"
            data-testid="directory-query"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 8, md: 4 }}>
          <Select
            size="md"
            label={t('directory.search.specialty')}
            placeholder={t('directory.search.specialtyPlaceholder')}
            data={specialtyGroups(t, i18n.language)}
            value={state.specialty || null}
            onChange={state.setSpecialty}
            searchable
            filter={accentInsensitiveFilter}
            clearable
            nothingFoundMessage={t('register.nothingFound')}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 4, md: 2 }}>
          <TextInput
            size="md"
            label={t('directory.search.departement')}
            placeholder={t('directory.search.departementPlaceholder')}
            value={state.departementText}
            onChange={(event) => state.setDepartementText(event.currentTarget.value)}
            error={state.departementError ? t('directory.search.departementInvalid') : undefined}
            maxLength={3}
            autoComplete="off"
          />
        </Grid.Col>
      </Grid>
      {state.hasFilters ? (
        <Button variant="subtle" size="xs" mt="xs" px={0} onClick={state.clear}>
          {t('directory.search.clear')}
        </Button>
      ) : null}
    </form>
  );
}
