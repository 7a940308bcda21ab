import type { LetterAttachment } from '@liaison/core/mail/index';
import { Button, Group, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PaperclipIcon } from '../icons.tsx';
import { formatBytes } from '../mailFormat.ts';

/**
 * Types a browser shows without running anything. Every other attachment is handed over as
 * application/octet-stream: a blob: URL belongs to this origin, so an HTML or SVG file opened from
 * it could otherwise run script next to the person's keys.
 */
const INERT_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'text/plain']);

function blobType(contentType: string): string {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return INERT_TYPES.has(type) ? type : 'application/octet-stream';
}

/** Attachments decrypted in memory, downloadable through Blob URLs revoked when the page closes. */
export function AttachmentList({ attachments }: { attachments: LetterAttachment[] }) {
  const { t, i18n } = useTranslation();
  // Made in the effect that revokes them, so a remount (StrictMode, navigation back) gets fresh ones.
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const created = attachments.map((a) =>
      URL.createObjectURL(new Blob([new Uint8Array(a.content)], { type: blobType(a.contentType) })),
    );
    setUrls(created);
    return () => created.forEach((url) => URL.revokeObjectURL(url));
  }, [attachments]);

  return (
    <List listStyleType="none" spacing="xs" data-testid="attachments">
      {attachments.map((attachment, index) => {
        const size = formatBytes(attachment.content.length, i18n.language);
        return (
          <List.Item key={`${index}:${attachment.filename}`} data-testid="attachment">
            <Group gap="sm" wrap="wrap">
              <PaperclipIcon />
              <Text fw={500} data-testid="attachment-name">
                {attachment.filename}
              </Text>
              <Text size="sm" c="dimmed">
                {size}
              </Text>
              <Button
                component="a"
                href={urls[index] ?? '#'}
                disabled={urls[index] === undefined}
                download={attachment.filename}
                size="xs"
                variant="light"
                aria-label={t('mail.message.downloadLabel', { name: attachment.filename, size })}
              >
                {t('mail.message.download')}
              </Button>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
