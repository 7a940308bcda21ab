import type { MailRecipient } from '@liaison/core/api/mail';
import { Badge, Combobox, Group, Loader, Pill, PillsInput, Stack, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mailKeys, searchRecipients } from '../../../api/mail.ts';

/** The server answers from two characters on; a short pause spares a request per keystroke. */
const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

interface Props {
  label: string;
  value: MailRecipient[];
  onChange: (next: MailRecipient[]) => void;
  /** Addresses already chosen in the other field (To/Cc): not offered twice. */
  exclude: string[];
  error?: string | undefined;
  description?: string;
  testId: string;
}

/**
 * Recipients as chips, added from a search of verified mailboxes (name, establishment or address).
 * Keyboard: type, arrows to move, Enter to add, Backspace on an empty field removes the last chip.
 */
export function RecipientPicker({ label, value, onChange, exclude, error, description, testId }: Props) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  const results = useQuery({
    queryKey: mailKeys.recipients(debounced.toLowerCase()),
    queryFn: ({ signal }) => searchRecipients(debounced, signal),
    enabled: debounced.length >= MIN_QUERY,
    staleTime: 60_000,
  });
  const taken = new Set([...value.map((r) => r.address), ...exclude]);
  const options = (results.data ?? []).filter((r) => !taken.has(r.address));
  const firstOption = options[0]?.address;

  // The best match is preselected, so Enter adds it straight away.
  useEffect(() => {
    if (firstOption !== undefined) combobox.selectFirstOption();
  }, [firstOption, combobox]);

  const add = (address: string) => {
    const found = options.find((r) => r.address === address);
    if (!found) return;
    onChange([...value, found]);
    setSearch('');
    combobox.closeDropdown();
  };

  const searching = debounced.length >= MIN_QUERY;
  return (
    <Combobox store={combobox} onOptionSubmit={add} withinPortal={false}>
      <Combobox.DropdownTarget>
        <PillsInput
          label={label}
          description={description}
          error={error}
          onClick={() => combobox.openDropdown()}
          data-testid={testId}
          rightSection={results.isFetching ? <Loader size={14} /> : null}
        >
          <Pill.Group>
            {value.map((recipient) => (
              <Pill
                key={recipient.address}
                withRemoveButton
                onRemove={() => onChange(value.filter((r) => r.address !== recipient.address))}
                removeButtonProps={{
                  'aria-label': t('mail.compose.removeRecipient', { name: recipient.displayName }),
                }}
                title={recipient.address}
                data-testid="recipient-chip"
                data-address={recipient.address}
              >
                {recipient.displayName}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                value={search}
                placeholder={value.length === 0 ? t('mail.compose.recipientPlaceholder') : undefined}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onChange={(event) => {
                  combobox.updateSelectedOptionIndex();
                  setSearch(event.currentTarget.value);
                  combobox.openDropdown();
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Backspace' && search.length === 0 && value.length > 0) {
                    event.preventDefault();
                    onChange(value.slice(0, -1));
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>

      <Combobox.Dropdown hidden={!searching}>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {options.length > 0 ? (
            options.map((recipient) => (
              <Combobox.Option
                value={recipient.address}
                key={recipient.address}
                aria-label={`${recipient.displayName} ${recipient.address}`}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={600} truncate="end">
                      {recipient.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" truncate="end">
                      {[recipient.organisationName, recipient.address].filter(Boolean).join(' · ')}
                    </Text>
                  </Stack>
                  <Group gap={4} wrap="nowrap">
                    {recipient.acceptsAttachments ? null : (
                      <Badge size="xs" color="orange" variant="light" tt="none">
                        {t('mail.compose.noAttachmentsBadge')}
                      </Badge>
                    )}
                    <Badge size="xs" variant="outline" tt="none" title={t(`mailboxKinds.${recipient.kind}`)}>
                      {recipient.kind}
                    </Badge>
                  </Group>
                </Group>
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>
              {results.isFetching || debounced !== search.trim()
                ? t('mail.compose.searching')
                : t('mail.compose.noResults')}
            </Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
