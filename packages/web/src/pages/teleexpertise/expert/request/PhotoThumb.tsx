import type { Attachment } from '@liaison/core/teleexpertise/responseSchema';
import { Image, Modal, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A photo of the request: a thumbnail that opens full size (pinch-zoomable on a phone) in a dialog. */
export function PhotoThumb({ attachment, label }: { attachment: Attachment; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Only image/jpeg and image/png reach here (answerValue.isInlineImage); the bytes were sniffed by
  // validateResponse, whose findings are shown above.
  const src = `data:${attachment.contentType.toLowerCase()};base64,${attachment.data ?? ''}`;
  return (
    <>
      <UnstyledButton
        onClick={() => setOpen(true)}
        aria-label={t('teleexpertiseExpert.view.zoomPhoto', { label })}
        style={{ borderRadius: 8, overflow: 'hidden' }}
      >
        <Image src={src} alt={label} w={140} h={140} fit="cover" radius="sm" />
      </UnstyledButton>
      <Modal opened={open} onClose={() => setOpen(false)} title={label} size="auto" centered>
        <Image src={src} alt={label} maw="min(90vw, 1200px)" mah="80vh" fit="contain" />
      </Modal>
    </>
  );
}
