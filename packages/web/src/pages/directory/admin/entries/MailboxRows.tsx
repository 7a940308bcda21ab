import { MAILBOX_KINDS, type MailboxKind } from '@liaison/core/api/common';
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_MAILBOXES, type EntryFormValues } from './entryFormValues.ts';

interface Props {
  mailboxes: EntryFormValues['mailboxes'];
  onChange: (next: EntryFormValues['mailboxes']) => void;
  /** The message to show under a row's address or kind, if any. */
  errorOf: (path: string) => string | undefined;
  onBlur: (path: string) => void;
  /** The list as a whole (no address at all). */
  listError: string | undefined;
}

/** Up to five addresses, the first being the main one; each with its kind (PER, ORG, APP, CAB). */
export function MailboxRows({ mailboxes, onChange, errorOf, onBlur, listError }: Props) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<{ address: string; kind: MailboxKind }>) =>
    onChange(mailboxes.map((m, i) => (i === index ? { ...m, ...change } : m)));
  const kinds = MAILBOX_KINDS.map((kind) => ({
    value: kind,
    label: `${kind} · ${t(`directory.kinds.${kind}`)}`,
  }));
  return (
    <Stack gap="xs">
      {mailboxes.map((mailbox, index) => {
        const label =
          index === 0
            ? t('directory.form.mainMailbox')
            : t('directory.form.mailboxLabel', { index: index + 1 });
        return (
          <Group key={index} gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              style={{ flex: '1 1 16rem' }}
              label={label}
              type="email"
              required={index === 0}
              value={mailbox.address}
              onChange={(event) => set(index, { address: event.currentTarget.value })}
              onBlur={() => onBlur(`mailboxes.${index}.address`)}
              error={errorOf(`mailboxes.${index}.address`)}
              autoComplete="off"
            />
            <Select
              w={{ base: '100%', xs: 210 }}
              label={t('directory.form.kind')}
              data={kinds}
              value={mailbox.kind}
              onChange={(value) => {
                if (value) set(index, { kind: value });
              }}
              allowDeselect={false}
              error={errorOf(`mailboxes.${index}.kind`)}
              comboboxProps={{ withinPortal: true }}
            />
            {mailboxes.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={{ base: 0, xs: 26 }}
                aria-label={t('directory.form.removeMailbox', { index: index + 1 })}
                onClick={() => onChange(mailboxes.filter((_, i) => i !== index))}
              >
                <span aria-hidden="true">✕</span>
              </ActionIcon>
            ) : null}
          </Group>
        );
      })}
      {listError ? (
        <Text c="red" size="sm" role="alert">
          {listError}
        </Text>
      ) : null}
      {mailboxes.length < MAX_MAILBOXES ? (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() =>
              onChange([...mailboxes, { address: '', kind: mailboxes[0]?.kind === 'PER' ? 'PER' : 'ORG' }])
            }
          >
            + {t('directory.form.addMailbox')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
