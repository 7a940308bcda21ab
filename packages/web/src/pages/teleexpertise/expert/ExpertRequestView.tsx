import type { Me } from '@liaison/core/api/index';
import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { fetchRequest, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { mailErrorMessage } from '../../../mailCrypto/errors.ts';
import { teleexpertisePaths } from '../paths.ts';
import { useTeleexpertiseMe } from '../shared/TeleexpertiseMe.tsx';
import { TaskStatusBadge } from '../shared/TaskStatusBadge.tsx';
import { Timeline } from '../shared/Timeline.tsx';
import { useOpenedRequest } from './crypto/useOpenedRequest.ts';
import { useExpertContext } from './queue/useExpertContext.ts';
import { AnswerSection } from './request/AnswerSection.tsx';
import { AnswerSummary } from './request/AnswerSummary.tsx';
import { AnswersView } from './request/AnswersView.tsx';
import { itemsByLinkId } from './request/answerValue.ts';
import { ExpertActions } from './request/ExpertActions.tsx';
import { PatientCard } from './request/PatientCard.tsx';
import { RequestFindings } from './request/RequestFindings.tsx';
import { flaggedLinkIds, readForm, requestFindings } from './request/requestFindings.ts';

/** The request id from the route (…/queue/:id), whatever the route names its parameter. */
function useRequestId(): string {
  const params = useParams();
  const location = useLocation();
  const named = params['id'] ?? params['requestId'];
  if (named) return named;
  const last = location.pathname.split('/').filter(Boolean).pop() ?? '';
  return decodeURIComponent(last);
}

/** One request as the expert opens it: checked again here, then read, acted on and answered. */
export function ExpertRequestView() {
  return <RequestScreen me={useTeleexpertiseMe()} />;
}

function RequestScreen({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const id = useRequestId();
  const context = useExpertContext();
  const detail = useQuery({ queryKey: teleexpertiseKeys.request(id), queryFn: () => fetchRequest(id) });
  const service = detail.data ? context.serviceOf(detail.data.serviceId) : null;
  const { keys, opened } = useOpenedRequest(me, detail.data, service?.mailboxId ?? null);
  const [answering, setAnswering] = useState(false);
  const answerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (answering) answerRef.current?.focus();
  }, [answering]);

  const back = (
    <Anchor component={Link} to={teleexpertisePaths.queue}>
      {t('teleexpertiseExpert.backToQueue')}
    </Anchor>
  );
  if (detail.isPending || context.services.isPending) return <Loading />;
  if (!detail.data) {
    return (
      <Stack>
        {back}
        <ErrorAlert error={detail.error ?? context.services.error} />
      </Stack>
    );
  }
  const request = detail.data;
  const formEntry = context.formOf(request.form);
  const form = readForm(formEntry?.questionnaire);
  const formItems = itemsByLinkId(form?.item);
  const content = opened.data;
  // Checked once the forms are listed: before that, every request would look like an unknown form.
  const findings = content && !context.forms.isPending ? requestFindings(request, content, form) : [];
  const mine = request.assigneeUserId === me.id;
  const openError = keys.error ?? opened.error;

  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h3">
            {t('teleexpertiseExpert.view.title', { form: context.formTitle(request.form) })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('teleexpertiseExpert.view.meta', {
              service: request.serviceName,
              requester: request.requesterName,
              date: formatDateTime(request.createdAt, i18n.language),
              due: formatDateTime(request.dueAt, i18n.language),
            })}
          </Text>
        </div>
        <TaskStatusBadge status={request.status} size="lg" />
      </Group>

      {!mine ? (
        <Alert color="blue" variant="light">
          {request.assigneeName
            ? t('teleexpertiseExpert.view.assignedTo', { name: request.assigneeName })
            : t('teleexpertiseExpert.view.notAssigned')}
        </Alert>
      ) : null}

      {service === null ? (
        <Alert color="red" variant="light" role="alert">
          {t('teleexpertiseExpert.view.notExpertOfService')}
        </Alert>
      ) : null}
      {openError ? (
        <Alert
          color="red"
          variant="filled"
          role="alert"
          title={t('teleexpertiseExpert.view.unreadableTitle')}
        >
          {mailErrorMessage(t, openError)}
        </Alert>
      ) : null}
      {service !== null && !content && !openError ? <Loading /> : null}

      {content ? (
        <>
          <RequestFindings findings={findings} formItems={formItems} />
          <PatientCard content={content} />
          {mine && service ? (
            <ExpertActions detail={request} service={service} onAnswer={() => setAnswering(true)} />
          ) : null}
          <Section title={t('teleexpertiseExpert.view.answersTitle')}>
            <AnswersView
              items={content.response.item}
              formItems={formItems}
              flagged={flaggedLinkIds(findings)}
            />
          </Section>
          {mine && answering && service ? (
            <AnswerSection ref={answerRef} me={me} detail={request} content={content} service={service} />
          ) : null}
          {request.answerEnvelope !== null && !answering ? (
            <AnswerSummary
              viewerId={me.id}
              requestId={request.id}
              envelope={request.answerEnvelope}
              keys={keys.data}
            />
          ) : null}
        </>
      ) : null}

      <Timeline requestId={request.id} events={request.timeline} viewerId={me.id} keys={keys.data} />
    </Stack>
  );
}
