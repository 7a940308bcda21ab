import type { CreateTeleexpertiseRequest } from '@liaison/core/api/teleexpertise';
import {
  checkRequestContent,
  parseRequestContentJson,
  type RequestContent,
} from '@liaison/core/teleexpertise/requestContent';
import { Alert, Button, Group, Loader, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../api/errorMessage.ts';
import { fetchRequests, fetchServices, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { buildResponse, fieldId } from '../form/answers.ts';
import { findingMessages } from '../form/findingMessages.ts';
import { QuestionnaireForm } from '../form/QuestionnaireForm.tsx';
import { personalKeysQuery } from '../../mail/useMailCrypto.ts';
import { teleexpertisePaths } from '../paths.ts';
import { useTeleexpertiseMe } from '../shared/TeleexpertiseMe.tsx';
import { useForms } from '../shared/useForms.ts';
import { postRequest, requestContent, sealRequest, type SendStage } from './sendRequest.ts';
import { EMPTY_DRAFT, patientOf, patientProblems, type Draft } from './wizard/draft.ts';
import { PatientStep, patientFieldId } from './wizard/PatientStep.tsx';
import { ReviewStep } from './wizard/ReviewStep.tsx';
import { SendStep } from './wizard/SendStep.tsx';
import { ServiceStep } from './wizard/ServiceStep.tsx';

const STEPS = ['service', 'patient', 'form', 'review', 'send'] as const;
type Step = (typeof STEPS)[number];
const PHONE_QUERY = '(max-width: 48em)';
const SERVICE_FIELD_ID = 'te-service-choice';

/** Focuses a field by id, or the first control inside it (a radio group, a fieldset, the photos). */
function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const control = element.matches('input, textarea, select, button')
    ? element
    : element.querySelector<HTMLElement>('input:not([type="file"]), textarea, select, button');
  (control ?? element).focus();
}

/**
 * The requester's wizard: service → patient and question → form → review → send. Everything stays on
 * the device until the last step, which seals the request to the service and to the requester and
 * posts it under an id chosen once (a retry sends the same id and envelope).
 */
export function NewRequestWizard() {
  const { t } = useTranslation();
  const me = useTeleexpertiseMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const phone = useMediaQuery(PHONE_QUERY) ?? false;

  const services = useQuery({ queryKey: teleexpertiseKeys.services, queryFn: fetchServices });
  const forms = useForms();
  const mine = useQuery({
    queryKey: teleexpertiseKeys.requests({ role: 'requester' }),
    queryFn: () => fetchRequests({ role: 'requester' }),
  });

  const [active, setActive] = useState(0);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [tried, setTried] = useState<ReadonlySet<Step>>(new Set());
  const [stage, setStage] = useState<SendStage | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  // Chosen once, kept with the sealed body: a retry must post the same id and the same bytes.
  const requestId = useRef(crypto.randomUUID());
  const sealed = useRef<CreateTeleexpertiseRequest | null>(null);
  const sealedContent = useRef<RequestContent | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterStep = useRef<string | null>(null);

  const openServices = useMemo(() => (services.data ?? []).filter((s) => s.active), [services.data]);
  const service = openServices.find((s) => s.id === draft.serviceId);
  const form = draft.formKey ? forms.data?.get(draft.formKey) : undefined;
  const questionnaire = form?.questionnaire ?? undefined;

  const change = (patch: Partial<Draft>) => {
    // Any change after sealing makes the sealed body stale: seal again (with a fresh id) next time.
    if (sealed.current) {
      sealed.current = null;
      sealedContent.current = null;
      requestId.current = crypto.randomUUID();
    }
    setDraft((current) => ({ ...current, ...patch }));
  };
  const setAnswers = (linkId: string, answers: Draft['answers'][string]) =>
    change({ answers: { ...draft.answers, [linkId]: answers } });

  const problems = patientProblems(draft);
  const formErrors = useMemo(() => {
    if (!questionnaire) return {};
    const response = buildResponse(questionnaire, draft.answers, 'completed');
    return findingMessages(t, checkRequestContent(questionnaire, { response }));
  }, [questionnaire, draft.answers, t]);

  // Moving between steps puts the focus on the step's heading (or the field to fix), for screen readers.
  useEffect(() => {
    const target = focusAfterStep.current;
    focusAfterStep.current = null;
    if (target) focusField(target);
    else headingRef.current?.focus();
  }, [active]);

  const go = (step: number, focus: string | null = null) => {
    focusAfterStep.current = focus;
    setActive(step);
  };

  const stepOk = (step: Step): boolean => {
    switch (step) {
      case 'service':
        return service !== undefined && questionnaire !== undefined;
      case 'patient':
        return Object.keys(problems).length === 0;
      case 'form':
        return true;
      case 'review':
        return Object.keys(problems).length === 0 && Object.keys(formErrors).length === 0;
      case 'send':
        return true;
    }
  };

  const next = () => {
    const step = STEPS[active]!;
    setTried((current) => new Set([...current, step]));
    if (stepOk(step)) return go(active + 1);
    // Not yet: take the person to the first thing to fix, once its message is rendered.
    const first =
      step === 'patient' ? (Object.keys(problems)[0] as keyof typeof problems | undefined) : undefined;
    const target = first ? patientFieldId(first) : step === 'service' ? SERVICE_FIELD_ID : null;
    if (target) setTimeout(() => focusField(target), 0);
  };

  const send = async () => {
    if (!service || !form || !questionnaire) return;
    setSendError(null);
    try {
      if (!sealed.current) {
        setStage('encrypting');
        // Without keys in this browser the request could be sent but never read back here: say so first.
        await queryClient.fetchQuery(personalKeysQuery(me.id));
        const response = buildResponse(questionnaire, draft.answers, 'completed');
        const content = requestContent({
          me,
          patient: patientOf(draft),
          question: draft.question.trim(),
          response,
        });
        sealed.current = await sealRequest(queryClient, {
          id: requestId.current,
          me,
          service,
          form: form.ref,
          followsRequestId: draft.followsRequestId,
          content,
        });
        sealedContent.current = parseRequestContentJson(content);
      }
      setStage('uploading');
      const created = await postRequest(sealed.current);
      setStage('done');
      // The request's page opens at once: the detail is the server's answer, the content what was sealed.
      queryClient.setQueryData(teleexpertiseKeys.request(created.id), created);
      if (sealedContent.current) {
        queryClient.setQueryData(
          teleexpertiseKeys.opened(me.id, created.id, 'request'),
          sealedContent.current,
        );
      }
      await queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.requestsAll });
      notifications.show({
        color: 'green',
        message: t('teleexpertise.wizard.send.sent', { service: service.name }),
      });
      void navigate(teleexpertisePaths.request(created.id));
    } catch (error) {
      setStage(null);
      setSendError(error);
    }
  };

  if (services.isPending || forms.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text>{t('teleexpertise.wizard.service.loading')}</Text>
      </Group>
    );
  }
  if (services.isError) return <Alert color="red">{errorMessage(t, services.error)}</Alert>;

  const stepTitle = (step: Step) => t(`teleexpertise.wizard.steps.${step}`);
  const sending = stage === 'encrypting' || stage === 'uploading' || stage === 'done';

  return (
    <Stack gap="md">
      <Title order={2}>{t('teleexpertise.wizard.title')}</Title>
      <Stepper
        active={active}
        onStepClick={(step) => {
          if (!sending) go(step);
        }}
        allowNextStepsSelect={false}
        size="sm"
        aria-label={t('teleexpertise.wizard.stepsLabel')}
      >
        {STEPS.map((step, index) => (
          // On a phone the five labels do not fit: the numbered steps stay, the heading names the step.
          <Stepper.Step key={step} label={phone ? undefined : stepTitle(step)} aria-label={stepTitle(step)}>
            <Stack gap="md" mt="md">
              <div>
                <Text size="xs" c="dimmed">
                  {t('teleexpertise.wizard.stepOf', { step: index + 1, count: STEPS.length })}
                </Text>
                <Title order={3} size="h4" ref={active === index ? headingRef : undefined} tabIndex={-1}>
                  {stepTitle(step)}
                </Title>
              </div>
              {step === 'service' && (
                <ServiceStep
                  fieldId={SERVICE_FIELD_ID}
                  meId={me.id}
                  services={openServices}
                  forms={forms.data}
                  myRequests={mine.data ?? []}
                  draft={draft}
                  onChange={change}
                  error={
                    tried.has('service') && !service
                      ? t('teleexpertise.wizard.service.chooseFirst')
                      : tried.has('service') && !questionnaire
                        ? t('teleexpertise.wizard.form.unavailable')
                        : undefined
                  }
                />
              )}
              {step === 'patient' && (
                <PatientStep
                  draft={draft}
                  onChange={change}
                  problems={tried.has('patient') ? problems : {}}
                />
              )}
              {step === 'form' &&
                (questionnaire ? (
                  <QuestionnaireForm
                    questionnaire={questionnaire}
                    answers={draft.answers}
                    onChange={setAnswers}
                    errors={tried.has('review') ? formErrors : {}}
                  />
                ) : (
                  <Text>{t('teleexpertise.wizard.form.unavailable')}</Text>
                ))}
              {step === 'review' && questionnaire && (
                <ReviewStep
                  service={service}
                  formTitle={form?.title}
                  questionnaire={questionnaire}
                  draft={draft}
                  patientProblems={problems}
                  formErrors={formErrors}
                  onFixPatient={() => {
                    setTried((current) => new Set([...current, 'patient', 'review']));
                    const first = Object.keys(problems)[0] as keyof typeof problems | undefined;
                    go(1, first ? patientFieldId(first) : null);
                  }}
                  onFixForm={() => {
                    setTried((current) => new Set([...current, 'review']));
                    const first = Object.keys(formErrors).find((key) => key !== '');
                    go(2, first ? fieldId(first) : null);
                  }}
                />
              )}
              {step === 'send' && (
                <SendStep meId={me.id} stage={stage} error={sendError} onSend={() => void send()} />
              )}
            </Stack>
          </Stepper.Step>
        ))}
      </Stepper>
      {!sending && (
        <Group justify="space-between">
          <Button variant="default" onClick={() => go(active - 1)} disabled={active === 0}>
            {t('teleexpertise.wizard.previous')}
          </Button>
          {active < STEPS.length - 1 && (
            <Button onClick={next} disabled={STEPS[active] === 'review' && !stepOk('review')}>
              {t('teleexpertise.wizard.next')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
