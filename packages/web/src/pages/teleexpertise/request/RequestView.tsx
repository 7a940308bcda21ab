import { ResponseError } from '@liaison/core/teleexpertise/responseSchema';
import { allowedActions } from '@liaison/core/teleexpertise/task';
import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../api/errorMessage.ts';
import { fetchRequest, teleexpertiseKeys } from '../../../api/teleexpertise.ts';
import { teleexpertisePaths } from '../paths.ts';
import { useOpenedRequest } from '../shared/openedContent.ts';
import { RequestContentView } from '../shared/RequestContentView.tsx';
import { useTeKeys } from '../shared/teCrypto.ts';
import { useTeleexpertiseMe } from '../shared/TeleexpertiseMe.tsx';
import { Timeline } from '../shared/Timeline.tsx';
import { teErrorMessage } from '../shared/teErrorMessage.ts';
import { useQuestionnaire } from '../shared/useForms.ts';
import { AnswerSection } from './view/AnswerSection.tsx';
import { CancelRequest } from './view/CancelRequest.tsx';
import { ProvideInformation } from './view/ProvideInformation.tsx';
import { RequestSummary } from './view/RequestSummary.tsx';

/**
 * One of the requester's requests: where it stands, what was asked (decrypted here), the timeline,
 * and what the requester may do now (core allowedActions): answer the expert's question while on
 * hold, cancel; once answered, the answer itself and a link to the letter.
 */
export function RequestView() {
  const { t } = useTranslation();
  const me = useTeleexpertiseMe();
  const { id = '' } = useParams();
  const request = useQuery({ queryKey: teleexpertiseKeys.request(id), queryFn: () => fetchRequest(id) });
  const keys = useTeKeys(me, null);
  const content = useOpenedRequest(me.id, request.data, keys.data);
  const form = useQuestionnaire(request.data?.form);

  if (request.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text>{t('teleexpertise.view.loading')}</Text>
      </Group>
    );
  }
  if (request.isError) {
    return (
      <Stack>
        <Alert color="red" role="alert">
          {errorMessage(t, request.error)}
        </Alert>
        <Anchor component={Link} to={teleexpertisePaths.myRequests}>
          {t('teleexpertise.common.back')}
        </Anchor>
      </Stack>
    );
  }
  const detail = request.data;
  const actions = allowedActions(detail.status, 'requester');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={teleexpertisePaths.myRequests} size="sm">
        ← {t('teleexpertise.common.back')}
      </Anchor>
      <Title order={2}>{t('teleexpertise.view.title')}</Title>
      <RequestSummary request={detail} />

      {detail.status === 'completed' && <AnswerSection request={detail} viewerId={me.id} keys={keys.data} />}
      {actions.includes('provide') && (
        <ProvideInformation request={detail} viewerId={me.id} keys={keys.data} />
      )}

      <section aria-label={t('teleexpertise.view.request')}>
        {keys.isError ? (
          <Alert color="red">{teErrorMessage(t, keys.error, me.id)}</Alert>
        ) : content.isError ? (
          <Alert color="red">
            {content.error instanceof ResponseError
              ? t('teleexpertise.view.invalidContent', { message: content.error.message })
              : t('teleexpertise.view.unreadable')}
          </Alert>
        ) : content.data ? (
          <RequestContentView content={content.data} questionnaire={form.questionnaire} headingOrder={3} />
        ) : (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('teleexpertise.common.decrypting')}</Text>
          </Group>
        )}
      </section>

      <Timeline requestId={detail.id} events={detail.timeline} viewerId={me.id} keys={keys.data} />

      {actions.includes('cancel') && (
        <section aria-label={t('teleexpertise.view.actions')}>
          <CancelRequest requestId={detail.id} />
        </section>
      )}
    </Stack>
  );
}
