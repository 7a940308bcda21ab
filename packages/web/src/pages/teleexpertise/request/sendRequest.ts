import type { Me } from '@liaison/core/api/index';
import type {
  CreateTeleexpertiseRequest,
  FormRef,
  TeleexpertiseRequestDetail,
  TeleexpertiseService,
} from '@liaison/core/api/teleexpertise';
import { isValidRpps } from '@liaison/core/ids/rpps';
import {
  encodeRequestContent,
  type RequestContentInput,
  type TePatientInput,
  type TeRequester,
} from '@liaison/core/teleexpertise/requestContent';
import type { QuestionnaireResponse } from '@liaison/core/teleexpertise/responseSchema';
import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/client.ts';
import { createRequest } from '../../../api/teleexpertise.ts';
import { sealTe, teRecipients } from '../shared/teCrypto.ts';

/**
 * Sending a request from the wizard: the content is checked and encoded by core, sealed on this
 * device to the service mailbox and to the requester, then posted under an id chosen here. A network
 * failure is retried with the same id and the same envelope (the server answers a retry with the
 * stored request), so a request is never sent twice nor lost.
 */

export type SendStage = 'encrypting' | 'uploading' | 'done';

/** Who asks, as the letter and the expert's screen show it; the answer letter goes to `address`. */
export function requesterOf(me: Me): TeRequester {
  const own = me.mailboxes.find((m) => m.kind === 'PER' && m.access !== 'delegate');
  const rpps =
    me.nationalIdKind === 'rpps' && me.nationalId && isValidRpps(me.nationalId) ? me.nationalId : undefined;
  return {
    name: `${me.firstName} ${me.lastName}`.trim(),
    ...(rpps ? { rpps } : {}),
    address: own?.address ?? me.email,
  };
}

export function requestContent(input: {
  me: Me;
  patient: TePatientInput;
  question: string;
  response: QuestionnaireResponse;
}): RequestContentInput {
  return {
    kind: 'teleexpertise-request',
    version: 1,
    patient: input.patient,
    question: input.question,
    response: input.response,
    requester: requesterOf(input.me),
  };
}

export async function sealRequest(
  queryClient: QueryClient,
  input: {
    id: string;
    me: Me;
    service: TeleexpertiseService;
    form: FormRef;
    followsRequestId: string | null;
    content: RequestContentInput;
  },
): Promise<CreateTeleexpertiseRequest> {
  // Encoded first: a device never encrypts what the expert's device would refuse.
  const bytes = encodeRequestContent(input.content);
  const recipients = await teRecipients(queryClient, {
    service: input.service,
    requesterUserId: input.me.id,
  });
  return {
    id: input.id,
    serviceId: input.service.id,
    form: input.form,
    ...(input.followsRequestId ? { followsRequestId: input.followsRequestId } : {}),
    envelope: await sealTe(bytes, recipients),
  };
}

const RETRY_DELAYS_MS = [1_000, 3_000];

function isTransient(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status === 502 || error.status === 503);
}

export interface PostDeps {
  post: (request: CreateTeleexpertiseRequest) => Promise<TeleexpertiseRequestDetail>;
  wait: (ms: number) => Promise<void>;
}

const defaultDeps: PostDeps = {
  post: createRequest,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Posts the sealed request; on a lost connection, tries again with the very same body. */
export async function postRequest(
  request: CreateTeleexpertiseRequest,
  deps: PostDeps = defaultDeps,
): Promise<TeleexpertiseRequestDetail> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await deps.post(request);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!isTransient(error) || delay === undefined) throw error;
      await deps.wait(delay);
    }
  }
}
