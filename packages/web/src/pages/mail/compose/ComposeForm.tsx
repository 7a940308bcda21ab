import type { Mailbox, Me } from '@liaison/core/api/index';
import type { MailCategory } from '@liaison/core/api/mail';
import {
  Accordion,
  Button,
  Code,
  Group,
  Loader,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { mailKeys } from '../../../api/mail.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { isMailError } from '../../../mailCrypto/errors.ts';
import { KeysNotice } from '../KeysNotice.tsx';
import { pastedResultCount } from '../letterText.ts';
import { mailboxPath } from '../paths.ts';
import { useActiveSigningSerial, usePersonalKeys } from '../useMailCrypto.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
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
import { PatientFields } from './PatientFields.tsx';
import { RecipientPicker } from './RecipientPicker.tsx';
import { useSendLetter } from './useSendLetter.ts';

const CATEGORIES: MailCategory[] = ['patient', 'information'];

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowAll(true);
    if (hasErrors(errors) || !keys.data) {
      // After React has drawn the messages: the first field in error takes the focus.
      requestAnimationFrame(() =>
        formRef.current
          ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')
          ?.focus(),
      );
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
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('mail.compose.sent') });
          // The Sent view refetches on arrival, so the new letter is there when it opens.
          void queryClient.invalidateQueries({ queryKey: mailKeys.box(mailbox.address) });
          void navigate(mailboxPath(mailbox.address, 'sent'));
        },
      },
    );
  };

  const working = sender.isPending;
  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-busy={working} data-testid="compose-form">
      <Stack gap="md">
        {keys.isError ? <KeysNotice error={keys.error} title={t('mail.compose.noKeysTitle')} /> : null}

        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Group gap="xs">
              <Text size="sm" c="dimmed" w={70}>
                {t('mail.message.from')}
              </Text>
              <Text size="sm" ff="monospace" data-testid="compose-from">
                {mailbox.address}
              </Text>
            </Group>
            <RecipientPicker
              label={t('mail.compose.to')}
              value={values.to}
              onChange={(to) => set('to', to)}
              exclude={values.cc.map((r) => r.address)}
              error={shown(errors.to)}
              testId="compose-to"
            />
            <RecipientPicker
              label={t('mail.compose.cc')}
              value={values.cc}
              onChange={(cc) => set('cc', cc)}
              exclude={values.to.map((r) => r.address)}
              testId="compose-cc"
            />
            <TextInput
              label={t('mail.compose.subject')}
              value={values.subject}
              onChange={(event) => set('subject', event.currentTarget.value)}
              error={shown(errors.subject)}
              required
              maxLength={250}
              data-testid="compose-subject"
            />
            <Radio.Group
              label={t('mail.compose.category')}
              value={values.category}
              onChange={(value) => set('category', value === 'information' ? 'information' : 'patient')}
            >
              <Group gap="lg" mt={6} wrap="wrap">
                {CATEGORIES.map((category) => (
                  <Radio
                    key={category}
                    value={category}
                    label={t(`mail.compose.categories.${category}`)}
                    description={t(`mail.compose.categoryHelp.${category}`)}
                    data-testid={`category-${category}`}
                  />
                ))}
              </Group>
            </Radio.Group>
          </Stack>
        </Paper>

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
              required
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

        <Group gap="sm" align="center">
          <Button type="submit" size="md" loading={working} disabled={!keys.data} data-testid="compose-send">
            {t('mail.compose.send')}
          </Button>
          <Button component={Link} to={mailboxPath(mailbox.address)} variant="default" size="md">
            {t('common.cancel')}
          </Button>
          <Group gap="xs" role="status" aria-live="polite" data-testid="compose-progress">
            {sender.stage !== 'idle' ? (
              <>
                <Loader size="xs" />
                <Text size="sm" fw={500}>
                  {t(`mail.compose.stage.${sender.stage}`)}
                </Text>
              </>
            ) : null}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
