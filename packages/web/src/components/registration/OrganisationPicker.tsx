import type { OrganisationSummary } from '@liaison/core/api/index';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { searchOrganisations } from '../../api/organisations.ts';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
}

function optionLabel(organisation: OrganisationSummary): string {
  const place = [organisation.city, organisation.finess ? `FINESS ${organisation.finess}` : null]
    .filter(Boolean)
    .join(' · ');
  return place ? `${organisation.name} (${place})` : organisation.name;
}

/** Searches on the server (there can be thousands of establishments), never filters a full list locally. */
export function OrganisationPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // The chosen option must stay in the data even when a later search no longer returns it.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);

  const results = useQuery({
    queryKey: queryKeys.organisationSearch(debounced),
    queryFn: ({ signal }) => searchOrganisations(debounced, signal),
    enabled: debounced.length >= 2,
    staleTime: 30_000,
  });

  const options = (results.data ?? []).map((organisation) => ({
    value: organisation.id,
    label: optionLabel(organisation),
  }));
  if (chosen && !options.some((option) => option.value === chosen.value)) options.unshift(chosen);

  return (
    <Select
      label={t('register.establishment')}
      description={t('register.establishmentHelp')}
      placeholder={t('register.establishmentPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      // The server already matched name, city and FINESS; filtering again on the label would hide hits.
      filter={({ options: all }) => all}
      value={value}
      onChange={(next, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null);
        onChange(next);
      }}
      nothingFoundMessage={
        debounced.length >= 2 && !results.isFetching ? t('register.nothingFound') : undefined
      }
      error={error}
      data-testid="organisation-picker"
    />
  );
}
