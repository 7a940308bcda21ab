import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mailErrorMessage, needsKeysPage } from '../../../mailCrypto/errors.ts';
import type { OpenedMail } from '../../../mailCrypto/open.ts';
import { formatMoment, nationalIdOf } from '../mailFormat.ts';

/**
 * Whether the letter is what its sender signed: verified (signer, national id, when), or why not, in
 * red. Colour is never the only cue: the title says it in words.
 */
export function SignatureStatus({ opened }: { opened: OpenedMail }) {
  const { t, i18n } = useTranslation();
  if (opened.kind === 'opened') {
    const { signature } = opened;
    const nationalId = nationalIdOf(signature.serialNumber);
    const who = nationalId
      ? t('mail.signature.signerWithId', {
          name: signature.commonName ?? signature.emails[0] ?? '?',
          kind: t(`nationalIdKinds.${nationalId.kind}`),
          id: nationalId.id,
        })
      : (signature.commonName ?? signature.emails[0] ?? '?');
    return (
      <Alert
        color="green"
        variant="light"
        title={t('mail.signature.verifiedTitle')}
        data-testid="signature-status"
        data-status="verified"
      >
        <Text size="sm">
          {t('mail.signature.verifiedText', {
            signer: who,
            date: formatMoment(signature.signingTime, i18n.language),
          })}
        </Text>
      </Alert>
    );
  }
  const signatureProblem = opened.reason === 'signature';
  return (
    <Alert
      color="red"
      variant="light"
      title={t(signatureProblem ? 'mail.signature.failedTitle' : 'mail.signature.unreadableTitle')}
      data-testid="signature-status"
      data-status={signatureProblem ? 'failed' : 'unreadable'}
      role="alert"
    >
      <Stack gap={6}>
        <Text size="sm" fw={600} c="red.9">
          {mailErrorMessage(t, opened.error)}
        </Text>
        <Text size="sm">
          {t(signatureProblem ? 'mail.signature.failedText' : 'mail.signature.unreadableText')}
        </Text>
        {needsKeysPage(opened.error) ? (
          <Anchor component={Link} to="/keys" size="sm" fw={600}>
            {t('mail.keys.link')}
          </Anchor>
        ) : null}
      </Stack>
    </Alert>
  );
}
