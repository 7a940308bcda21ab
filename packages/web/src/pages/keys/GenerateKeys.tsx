import type { Me } from '@liaison/core/api/index';
import { Alert, Button, Checkbox, PasswordInput, Stack, Stepper, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/keys.ts';
import { fetchExpectedSubject, type ExpectedSubject } from '../../api/pki.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { InfoList, InfoRow } from '../../components/InfoRow.tsx';
import { Loading } from '../../components/Loading.tsx';
import { generateKeys, GENERATION_STEPS, type GenerationStep, type GenerationWork } from './generateFlow.ts';
import { MIN_PASSPHRASE_LENGTH, type GenerateReason } from './keyState.ts';

const INTRO = {
  none: 'keys.generate.introNone',
  incomplete: 'keys.generate.introIncomplete',
  interrupted: 'keys.generate.introInterrupted',
} as const;

export function GenerateKeys({ me, reason }: { me: Me; reason: GenerateReason }) {
  const { t } = useTranslation();
  // The same for both usages of personal certificates: name, national id, personal mailbox.
  const subject = useQuery({
    queryKey: queryKeys.pkiSubject,
    queryFn: () => fetchExpectedSubject('signing'),
  });

  if (subject.isPending) return <Loading />;
  if (subject.isError) return <ErrorAlert error={subject.error} />;
  if (subject.data.emails.length === 0) return <Text>{t('keys.mine.noMailbox')}</Text>;
  return (
    <Stack gap="md">
      <Text>{t(INTRO[reason])}</Text>
      <SubjectSummary subject={subject.data} />
      <GenerationForm me={me} subject={subject.data} />
    </Stack>
  );
}

/** The certificate serialNumber convention ("8"+RPPS, "0"+ADELI) read back as people know their number. */
function readNationalId(serialNumber: string | null): { kind: 'rpps' | 'adeli'; id: string } | null {
  if (!serialNumber) return null;
  if (serialNumber.startsWith('8')) return { kind: 'rpps', id: serialNumber.slice(1) };
  if (serialNumber.startsWith('0')) return { kind: 'adeli', id: serialNumber.slice(1) };
  return null;
}

function SubjectSummary({ subject }: { subject: ExpectedSubject }) {
  const { t } = useTranslation();
  const nationalId = readNationalId(subject.serialNumber);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('keys.generate.subjectTitle')}
      </Text>
      <InfoList>
        <InfoRow label={t('keys.generate.subjectName')}>
          <Text>{subject.commonName}</Text>
        </InfoRow>
        {nationalId ? (
          <InfoRow label={t('keys.generate.subjectId')}>
            <Text ff="monospace">
              {t('keys.generate.subjectIdValue', {
                kind: t(`nationalIdKinds.${nationalId.kind}`),
                id: nationalId.id,
              })}
            </Text>
          </InfoRow>
        ) : null}
        <InfoRow label={t('keys.generate.subjectEmail')}>
          <Text ff="monospace">{subject.emails[0]}</Text>
        </InfoRow>
      </InfoList>
    </Stack>
  );
}

function GenerationForm({ me, subject }: { me: Me; subject: ExpectedSubject }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Survives a failed attempt so "Resume" does not certify a second pair (see GenerationWork).
  const work = useRef<GenerationWork>({});
  const [step, setStep] = useState<GenerationStep | null>(null);

  const form = useForm({
    initialValues: { passphrase: '', confirmPassphrase: '', acknowledged: false },
    validate: {
      passphrase: (value) =>
        value.length < MIN_PASSPHRASE_LENGTH ? t('validation.passphraseTooShort') : null,
      confirmPassphrase: (value, values) =>
        value === values.passphrase ? null : t('validation.passphrasesDiffer'),
      acknowledged: (value) => (value ? null : t('validation.passphraseAcknowledge')),
    },
  });

  const generation = useMutation({
    mutationFn: (passphrase: string) =>
      generateKeys({ userId: me.id, subject, passphrase, work: work.current, onStep: setStep }),
    onSuccess: async () => {
      work.current = {};
      form.reset();
      notifications.show({ color: 'green', message: t('keys.generate.done') });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.certificates(me.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.localKeys(me.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.storagePersisted }),
      ]);
    },
  });

  if (step !== null) {
    return (
      <Stack gap="md">
        <GenerationProgress step={step} failed={generation.isError} done={generation.isSuccess} />
        <ErrorAlert error={generation.error} />
        {generation.isError ? (
          <Button w="fit-content" onClick={() => generation.mutate(form.values.passphrase)}>
            {t('keys.generate.retry')}
          </Button>
        ) : null}
      </Stack>
    );
  }

  return (
    <form noValidate onSubmit={form.onSubmit(({ passphrase }) => generation.mutate(passphrase))}>
      <Stack gap="md" maw={560}>
        <PasswordInput
          label={t('keys.generate.passphrase')}
          description={t('keys.generate.passphraseHelp')}
          autoComplete="new-password"
          required
          {...form.getInputProps('passphrase')}
        />
        <PasswordInput
          label={t('keys.generate.confirmPassphrase')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassphrase')}
        />
        <Alert color="orange" variant="light" title={t('keys.generate.warningTitle')}>
          <Text size="sm">{t('keys.generate.warningText')}</Text>
        </Alert>
        <Checkbox
          label={t('keys.generate.acknowledge')}
          {...form.getInputProps('acknowledged', { type: 'checkbox' })}
        />
        <Button type="submit" w="fit-content">
          {t('keys.generate.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function GenerationProgress({
  step,
  failed,
  done,
}: {
  step: GenerationStep;
  failed: boolean;
  done: boolean;
}) {
  const { t } = useTranslation();
  const index = GENERATION_STEPS.indexOf(step);
  const active = done ? GENERATION_STEPS.length : index;
  return (
    <Stack gap="sm" data-testid="generation-progress">
      <Text size="sm" role="status">
        {done ? t('keys.generate.done') : failed ? null : t('keys.generate.running')}
      </Text>
      <Stepper active={active} orientation="vertical" size="sm" allowNextStepsSelect={false}>
        {GENERATION_STEPS.map((name, position) => (
          <Stepper.Step
            key={name}
            label={t(`keys.generate.steps.${name}`)}
            description={t(`keys.generate.steps.${name}Help`)}
            loading={position === index && !failed && !done}
            color={position === index && failed ? 'red' : undefined}
            allowStepClick={false}
            allowStepSelect={false}
          />
        ))}
      </Stepper>
    </Stack>
  );
}
