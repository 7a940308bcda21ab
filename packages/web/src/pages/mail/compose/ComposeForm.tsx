import type { Mailbox, Me } from '@liaison/core/api/index';
import type { SubmittedMessage } from '@liaison/core/api/mail';
import { BULK_MAIL_CHARTER_ARTICLE } from '@liaison/core/policy/bulkRules';
import { Accordion, Code, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { mailKeys } from '../../../api/mail.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { isMailError } from '../../../mailCrypto/errors.ts';
import { KeysNotice } from '../KeysNotice.tsx';
import { pastedResultCount } from '../letterText.ts';
import { mailboxPath, messagePath } from '../paths.ts';
import { useCharterArticle } from '../usage/useCharterArticle.ts';
import { heldNotice, tripsArticle } from '../usage/usageTexts.ts';
import { useActiveSigningSerial, usePersonalKeys } from '../useMailCrypto.ts';
import { Addressing } from './Addressing.tsx';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { BulkWarning } from './BulkWarning.tsx';
import type { ComposeStart } from './composeSource.ts';
import {
  attachmentOf,
  composeErrors,
  draftFingerprint,
  draftOf,
  hasErrors,
  letterText,
  refusingAttachments,
  type ComposeError,
  type ComposeValues,
  type PatientField,
} from './composeValues.ts';
import { LetterFindings } from './LetterFindings.tsx';
import { PatientFields } from './PatientFields.tsx';
import { SendBar } from './SendBar.tsx';
import { useComposeChecks } from './useComposeChecks.ts';
import { useSendLetter } from './useSendLetter.ts';

/**
 * Writing a letter. Everything is sealed in this browser (signed with the person's key, encrypted to
 * each recipient and to the sender's own mailbox) before it leaves; the server gets ciphertext and
 * routing only.
 */
export function ComposeForm({ me, mailbox, start }: { me: Me; mailbox: Mailbox; start: ComposeStart }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ComposeValues>(start.values);
  const [files, setFiles] = useState<File[]>(start.files);
  const [showAll, setShowAll] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const keys = usePersonalKeys(me);
  const signing = useActiveSigningSerial(me);
  const sender = useSendLetter();
  const checks = useComposeChecks({ values, files, me, from: mailbox.address, triedToSend: showAll });
  const [confirmMissing, setConfirmMissing] = useState(false);
  const sendAnywayRef = useRef<HTMLInputElement>(null);
  const findingsId = useId();
  const bulkId = useId();
  const bulkArticle = useCharterArticle(tripsArticle(checks.precheck.trips) ?? BULK_MAIL_CHARTER_ARTICLE);

  const errors = composeErrors(values, files.length);
  const refusing = refusingAttachments(values);
  const set = <K extends keyof ComposeValues>(key: K, value: ComposeValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const setPatient = (field: PatientField, value: string) =>
    setValues((previous) => ({ ...previous, patient: { ...previous.patient, [field]: value } }));
  // Field errors wait for a first send attempt: an empty form is not a mistake yet.
  const shown = (error: ComposeError | undefined): string | undefined =>
    showAll && error ? t(`mail.compose.validation.${error}`) : undefined;
  const results = values.category === 'patient' ? pastedResultCount(values.text) : 0;

  const sent = (result: SubmittedMessage) => {
    // The Sent view refetches on arrival, so the new letter is there when it opens.
    void queryClient.invalidateQueries({ queryKey: mailKeys.box(mailbox.address) });
    if (result.hold) {
      // Held for review: said as such, never "sent", and the held item is where the person lands.
      queryClient.setQueryData(mailKeys.status(mailbox.address, result.id), result);
      notifications.show({
        color: 'orange',
        message: heldNotice(t, result.hold.trips, bulkArticle),
        autoClose: 10_000,
      });
      void navigate(messagePath(mailbox.address, 'sent', result.id));
      return;
    }
    notifications.show({ color: 'green', message: t('mail.compose.sent') });
    void navigate(mailboxPath(mailbox.address, 'sent'));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowAll(true);
    if (hasErrors(errors) || checks.blocked || !keys.data) {
      // After React has drawn the messages: the first field in error takes the focus, else the
      // letter-format findings that stop the sending.
      requestAnimationFrame(() =>
        (
          formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input') ??
          document.getElementById(findingsId)
        )?.focus(),
      );
      return;
    }
    if (checks.needsConfirmation) {
      setConfirmMissing(true);
      sendAnywayRef.current?.focus();
      return;
    }
    const snapshot = values;
    const chosen = files;
    sender.send(
      {
        draft: async () =>
          draftOf({
            values: snapshot,
            me,
            from: mailbox.address,
            attachments: await Promise.all(chosen.map(attachmentOf)),
            inReplyTo: start.inReplyTo,
          }),
        fingerprint: draftFingerprint(snapshot, chosen, mailbox.address),
        keys: keys.data,
        signingSerial: signing.data ?? null,
      },
      { onSuccess: sent },
    );
  };

  const working = sender.isPending;
  // The Send button is described by what stops it or what it will lead to.
  const describing = [
    checks.blocked && checks.notices.length > 0 ? findingsId : '',
    checks.precheck.trips.length > 0 ? bulkId : '',
  ];
  const describedBy = describing.filter((id) => id !== '').join(' ') || undefined;
  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-busy={working} data-testid="compose-form">
      <Stack gap="md">
        {keys.isError ? <KeysNotice error={keys.error} title={t('mail.compose.noKeysTitle')} /> : null}

        <Addressing
          from={mailbox.address}
          values={values}
          set={set}
          errors={{ to: shown(errors.to), subject: shown(errors.subject) }}
        />

        {values.category === 'patient' ? (
          <PatientFields
            value={values.patient}
            onChange={setPatient}
            errors={errors.patient}
            showAll={showAll}
          />
        ) : null}

        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Textarea
              label={t('mail.compose.body')}
              description={values.category === 'patient' ? t('mail.compose.bodyHelpPatient') : undefined}
              value={values.text}
              onChange={(event) => set('text', event.currentTarget.value)}
              error={shown(errors.text)}
              autosize
              minRows={10}
              maxRows={30}
              required={files.length === 0}
              data-testid="compose-body"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            {results > 0 ? (
              <Text size="sm" c="liaison.8" fw={600} data-testid="compose-lab-detected">
                {t('mail.compose.labDetected', { count: results })}
              </Text>
            ) : null}
            <AttachmentPicker
              files={files}
              onChange={setFiles}
              refusing={refusing}
              error={shown(errors.attachments)}
            />
          </Stack>
        </Paper>

        {values.category === 'patient' ? (
          <Accordion
            variant="contained"
            value={preview}
            onChange={(value) => setPreview(value)}
            data-testid="compose-preview"
          >
            <Accordion.Item value="hprim">
              <Accordion.Control>{t('mail.compose.preview')}</Accordion.Control>
              <Accordion.Panel>
                {preview === 'hprim' ? (
                  <Code block style={{ whiteSpace: 'pre-wrap' }}>
                    {letterText(values, me)}
                  </Code>
                ) : null}
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        ) : null}

        <LetterFindings notices={checks.notices} blockingId={findingsId} />
        <BulkWarning
          trips={checks.precheck.trips}
          failed={checks.precheck.failed}
          confirmed={checks.sendAnyway}
          onConfirm={(confirmed) => {
            checks.setSendAnyway(confirmed);
            if (confirmed) setConfirmMissing(false);
          }}
          error={confirmMissing && checks.needsConfirmation ? t('usage.bulk.confirmRequired') : undefined}
          id={bulkId}
          checkboxRef={sendAnywayRef}
        />

        {sender.error ? (
          isMailError(sender.error) ? (
            <KeysNotice error={sender.error} title={t('mail.compose.failedTitle')} />
          ) : (
            <ErrorAlert error={sender.error} title={t('mail.compose.failedTitle')} />
          )
        ) : null}
        {sender.retryable ? (
          <Text size="sm" c="dimmed" data-testid="compose-retry-hint">
            {t('mail.compose.retryHint')}
          </Text>
        ) : null}

        <SendBar
          stage={sender.stage}
          working={working}
          disabled={!keys.data}
          blocked={checks.blocked}
          describedBy={describedBy}
          cancelTo={mailboxPath(mailbox.address)}
        />
      </Stack>
    </form>
  );
}
