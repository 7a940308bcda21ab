import { base64Decode } from '@liaison/core/crypto/index';
import type { Attachment } from '@liaison/core/teleexpertise/responseSchema';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../billing/saveBlob.ts';

/** A non-image file of the request (an ECG as PDF): downloaded, never opened in the page. */
export function FileDownload({ attachment, label }: { attachment: Attachment; label: string }) {
  const { t } = useTranslation();
  const download = () => {
    const bytes = base64Decode(attachment.data ?? '');
    // Saved as a download with a fixed name: the sender's title and type are not trusted to name a file.
    const pdf = attachment.contentType.toLowerCase() === 'application/pdf';
    saveBlob(
      new Blob([bytes], { type: pdf ? 'application/pdf' : 'application/octet-stream' }),
      pdf ? 'piece-jointe.pdf' : 'piece-jointe.bin',
    );
  };
  return (
    <Button
      variant="light"
      size="xs"
      onClick={download}
      aria-label={t('teleexpertiseExpert.view.download', { label })}
    >
      {t('teleexpertiseExpert.view.downloadShort')}
    </Button>
  );
}
