/**
 * Submitting a sealed letter. The id is chosen here, so a retry after a dropped connection, a timeout
 * or a busy server sends the very same request again: the server answers 200 with the first result
 * instead of filing a second copy (and MESSAGE_ID_CONFLICT should the content ever differ). The
 * request is never sealed again between attempts, so its bytes, and thus its fingerprint, stay equal.
 */
import type { SubmitMessageRequest, SubmittedMessage } from '@liaison/core/api/mail';
import { ApiError } from '../api.ts';
import type { Remote } from '../remote.ts';
import { sendLosesFirstResponse } from './faults.ts';

/** Waits between attempts: about half a minute in all before giving up. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];

/** No answer, rate limited, or a server/proxy failure: worth the same request again. */
function retryable(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.status === 0 || err.status === 429 || err.status >= 500);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function submitLetter(remote: Remote, request: SubmitMessageRequest): Promise<SubmittedMessage> {
  let loseNext = sendLosesFirstResponse();
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await remote.api.post<SubmittedMessage>('/api/mail/messages', request);
      if (loseNext) {
        loseNext = false;
        throw new ApiError('SERVER_UNREACHABLE', 'the answer was lost (LIAISON_SEND_FAULT test hook)', 0);
      }
      return answer;
    } catch (err) {
      const wait = RETRY_DELAYS_MS[attempt];
      if (!retryable(err) || wait === undefined) throw err;
      process.stderr.write(
        `${err.code}: ${err.message}; sending message ${request.id} again in ${wait / 1000} s (same id: never filed twice)\n`,
      );
      await sleep(wait);
    }
  }
}
