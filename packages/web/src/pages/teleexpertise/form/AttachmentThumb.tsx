import { base64Decode } from '@liaison/core/crypto/index';
import type { Attachment } from '@liaison/core/teleexpertise/responseSchema';
import { Anchor, Box, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A blob URL for inline attachment data, revoked when the thumbnail goes away. */
function useBlobUrl(attachment: Attachment): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!attachment.data) return;
    let created: string | null = null;
    try {
      created = URL.createObjectURL(
        new Blob([base64Decode(attachment.data)], { type: attachment.contentType }),
      );
    } catch {
      // Malformed base64 from a sender: validation says so next to the item; nothing to show here.
    }
    setUrl(created);
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [attachment.data, attachment.contentType]);
  return url;
}

const SIZE = 96;

/**
 * A photo as a small square thumbnail (a link to the full picture), a PDF as a named tile. Inline data
 * only: the decrypted bytes never leave the page (blob URLs are local to this tab).
 */
export function AttachmentThumb({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const url = useBlobUrl(attachment);
  const name = attachment.title ?? attachment.contentType;
  if (attachment.contentType.startsWith('image/')) {
    return (
      <Anchor href={url ?? undefined} target="_blank" rel="noopener" aria-label={name}>
        <Box
          component="img"
          src={url ?? undefined}
          alt={name}
          w={SIZE}
          h={SIZE}
          style={{ objectFit: 'cover', borderRadius: 6, display: 'block', background: '#eee' }}
        />
      </Anchor>
    );
  }
  return (
    <Paper withBorder w={SIZE} h={SIZE} p={6} style={{ display: 'flex', flexDirection: 'column' }}>
      <Text fw={700} size="sm">
        {t('teleexpertise.form.photos.pdf')}
      </Text>
      <Anchor
        href={url ?? undefined}
        target="_blank"
        rel="noopener"
        size="xs"
        lineClamp={3}
        style={{ wordBreak: 'break-all' }}
      >
        {name}
      </Anchor>
    </Paper>
  );
}
