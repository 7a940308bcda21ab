import type { MailRecipient } from '@liaison/core/api/mail';
import { Alert, Button, CloseButton, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PaperclipIcon } from '../icons.tsx';
import { formatBytes } from '../mailFormat.ts';

interface Props {
  files: File[];
  onChange: (files: File[]) => void;
  /** Recipients whose mailbox refuses attachments; adding files is then impossible, and said why. */
  refusing: MailRecipient[];
  error?: string | undefined;
}

/** Files to attach, with their sizes; a file chosen twice (same name, size, date) is added once. */
export function AttachmentPicker({ files, onChange, refusing, error }: Props) {
  const { t, i18n } = useTranslation();
  const blocked = refusing.length > 0;
  const add = (chosen: File[]) => {
    const key = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;
    const known = new Set(files.map(key));
    onChange([...files, ...chosen.filter((f) => !known.has(key(f)))]);
  };
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const names = refusing.map((r) => r.displayName).join(', ');

  return (
    <Stack gap="xs" data-testid="attachment-picker">
      <Text fw={500} size="sm" id="attachments-label">
        {t('mail.compose.attachments')}
      </Text>
      {blocked ? (
        <Alert color="orange" variant="light" data-testid="attachments-refused">
          <Text size="sm">{t('mail.compose.attachmentsRefused', { names, count: refusing.length })}</Text>
        </Alert>
      ) : null}
      {files.length > 0 ? (
        <List listStyleType="none" spacing={4} aria-labelledby="attachments-label">
          {files.map((file) => (
            <List.Item
              key={`${file.name}|${file.size}|${file.lastModified}`}
              data-testid="compose-attachment"
            >
              <Group gap="xs" wrap="nowrap">
                <PaperclipIcon />
                <Text size="sm" fw={500}>
                  {file.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatBytes(file.size, i18n.language)}
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={t('mail.compose.removeFile', { name: file.name })}
                  onClick={() => onChange(files.filter((f) => f !== file))}
                />
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
      <Group gap="sm">
        <FileButton onChange={add} multiple disabled={blocked} inputProps={{ name: 'attachments' }}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<PaperclipIcon />} disabled={blocked}>
              {t('mail.compose.addFiles')}
            </Button>
          )}
        </FileButton>
        {files.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('mail.compose.attachmentsTotal', {
              count: files.length,
              size: formatBytes(total, i18n.language),
            })}
          </Text>
        ) : null}
      </Group>
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
