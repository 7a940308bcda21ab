import type { MailRecipient } from '@liaison/core/api/mail';
import { Combobox, Group, Loader, Pill, PillsInput, Stack, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';
import { mailKeys, searchRecipients } from '../../api/mail.ts';
import { colleagueOf, type Colleague } from './colleagues.ts';

/** The server answers from two characters on; a short pause spares a request per keystroke. */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

interface Props {
  label: string;
  description?: string;
  value: Colleague[];
  onChange: (next: Colleague[]) => void;
  /** One person only (a direct conversation): a new pick replaces the previous one. */
  single?: boolean;
  /** Users already in (oneself, current members): not offered. */
  excludeUserIds: string[];
  error?: string | null;
  testId: string;
}

/**
 * Colleagues as chips, found by name, establishment or address among verified personal mailboxes
 * (the same search as mail's To field). Keyboard: type, arrows, Enter to add.
 */
export function ColleaguePicker({
  label,
  description,
  value,
  onChange,
  single,
  excludeUserIds,
  error,
  testId,
}: Props) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const results = useQuery({
    queryKey: mailKeys.recipients(debounced.toLowerCase()),
    queryFn: ({ signal }) => searchRecipients(debounced, signal),
    enabled: debounced.length >= MIN_QUERY,
    staleTime: 60_000,
  });
  const taken = new Set(value.map((c) => c.address));
  // Personal mailboxes only: a conversation is between people, not services.
  const options = (results.data ?? []).filter((r) => r.kind === 'PER' && !taken.has(r.address));

  const add = async (address: string) => {
    const found = options.find((r) => r.address === address);
    if (!found) return;
    setResolving(true);
    setProblem(null);
    try {
      const colleague = await colleagueOf(found);
      if (!colleague) setProblem(t('chat.picker.noCertificate', { name: found.displayName }));
      else if (!excludeUserIds.includes(colleague.userId)) {
        onChange(single ? [colleague] : [...value, colleague]);
        setSearch('');
        combobox.closeDropdown();
      }
    } catch (failure) {
      setProblem(errorMessage(t, failure));
    } finally {
      setResolving(false);
    }
  };

  const searching = debounced.length >= MIN_QUERY;
  return (
    <Combobox store={combobox} onOptionSubmit={(address) => void add(address)} withinPortal={false}>
      <Combobox.DropdownTarget>
        <PillsInput
          label={label}
          description={description}
          error={problem ?? error ?? undefined}
          onClick={() => combobox.openDropdown()}
          data-testid={testId}
          rightSection={results.isFetching || resolving ? <Loader size={14} /> : null}
        >
          <Pill.Group>
            {value.map((colleague) => (
              <Pill
                key={colleague.userId}
                withRemoveButton
                onRemove={() => onChange(value.filter((c) => c.userId !== colleague.userId))}
                removeButtonProps={{ 'aria-label': t('chat.picker.remove', { name: colleague.displayName }) }}
                title={colleague.address}
                data-testid="colleague-chip"
              >
                {colleague.displayName}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                value={search}
                placeholder={value.length === 0 ? t('chat.picker.placeholder') : undefined}
                aria-label={label}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onChange={(event) => {
                  combobox.updateSelectedOptionIndex();
                  setSearch(event.currentTarget.value);
                  combobox.openDropdown();
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>

      <Combobox.Dropdown hidden={!searching}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {options.length > 0 ? (
            options.map((recipient) => <Option key={recipient.address} recipient={recipient} />)
          ) : (
            <Combobox.Empty>
              {results.isFetching || debounced !== search.trim()
                ? t('chat.picker.searching')
                : t('chat.picker.noResults')}
            </Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

function Option({ recipient }: { recipient: MailRecipient }) {
  return (
    <Combobox.Option value={recipient.address} aria-label={`${recipient.displayName} ${recipient.address}`}>
      <Group wrap="nowrap" gap="sm">
        <Stack gap={0} miw={0}>
          <Text size="sm" fw={600} truncate="end">
            {recipient.displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {[recipient.organisationName, recipient.address].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      </Group>
    </Combobox.Option>
  );
}
