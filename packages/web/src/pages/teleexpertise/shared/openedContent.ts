import type { TeleexpertiseRequestDetail } from '@liaison/core/api/teleexpertise';
import type { DecryptRecipient } from '@liaison/core/crypto/index';
import { decodeAnswerContent } from '@liaison/core/teleexpertise/answerContent';
import { decodeRequestContent } from '@liaison/core/teleexpertise/requestContent';
import { useOpenedEnvelope } from './teCrypto.ts';

/**
 * A request's envelopes opened on this device and decoded with core's schemas (a buggy or hostile
 * sender could put anything in them): the request content, and the answer once there is one. The
 * query's error is a CryptoError (no key here) or a ResponseError (RESPONSE_INVALID, bad content).
 */

export function useOpenedRequest(
  viewerId: string,
  request: Pick<TeleexpertiseRequestDetail, 'id' | 'envelope'> | undefined,
  keys: DecryptRecipient[] | undefined,
) {
  return useOpenedEnvelope({
    userId: viewerId,
    requestId: request?.id ?? '',
    part: 'request',
    envelope: request?.envelope,
    keys,
    decode: decodeRequestContent,
  });
}

export function useOpenedAnswer(
  viewerId: string,
  request: Pick<TeleexpertiseRequestDetail, 'id' | 'answerEnvelope'> | undefined,
  keys: DecryptRecipient[] | undefined,
) {
  return useOpenedEnvelope({
    userId: viewerId,
    requestId: request?.id ?? '',
    part: 'answer',
    envelope: request?.answerEnvelope,
    keys,
    decode: decodeAnswerContent,
  });
}
