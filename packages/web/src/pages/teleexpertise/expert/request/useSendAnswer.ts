import type { Me } from '@liaison/core/api/index';
import type { TeleexpertiseRequestDetail, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { encodeAnswerContent } from '@liaison/core/teleexpertise/answerContent';
import { buildAnswerResponse, type AnswerInput } from '@liaison/core/teleexpertise/answerForm';
import { buildAnswerLetter, type AnswerLetter } from '@liaison/core/teleexpertise/answerLetter';
import type { RequestContent } from '@liaison/core/teleexpertise/requestContent';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { submitMessage } from '../../../../api/mail.ts';
import { answerRequest, teleexpertiseKeys } from '../../../../api/teleexpertise.ts';
import type { PersonalKeys } from '../../../../mailCrypto/keys.ts';
import { currentSigner, sealDraft, type LetterDraft } from '../../../../mailCrypto/seal.ts';
import { sealTe, teRecipients } from '../../shared/teCrypto.ts';
import { AnswerStepError, runAnswerSteps, type AnswerAttempt, type AnswerStep } from './answerSteps.ts';

export { ANSWER_STEPS, type AnswerStep } from './answerSteps.ts';

export interface SendAnswerContext {
  me: Me;
  detail: TeleexpertiseRequestDetail;
  content: RequestContent;
  service: Pick<TeleexpertiseService, 'mailboxAddress' | 'encryptionCertificate'>;
  keys: PersonalKeys;
  signingSerial: string | null;
}

export type SendState =
  | { phase: 'idle' }
  | { phase: 'running'; step: AnswerStep }
  | { phase: 'failed'; step: AnswerStep; error: unknown }
  | { phase: 'done'; held: boolean };

/** The built letter as the mail compose path takes it: sealed by the same code as any letter. */
function toDraft(built: AnswerLetter): LetterDraft {
  const { letter } = built;
  return {
    from: letter.from,
    to: letter.to,
    cc: letter.cc,
    subject: letter.subject,
    text: letter.text,
    category: built.category,
    patient: built.patient,
    attachments: letter.attachments,
    inReplyTo: letter.inReplyTo,
  };
}

/**
 * Answer a request: (1) the answers as a QuestionnaireResponse of ANSWER_FORM and the letter with its
 * FHIR Task (core); (2) the letter sealed From the service mailbox To the requester, signed with my
 * key, and (3) submitted like any letter of the mail compose screen; (4) the answer envelope sealed to
 * the service and the requester, and (5) recorded with the letter's id. See answerSteps.ts for retries.
 */
export function useSendAnswer() {
  const queryClient = useQueryClient();
  const attempt = useRef<AnswerAttempt | null>(null);
  const [state, setState] = useState<SendState>({ phase: 'idle' });

  async function send(input: AnswerInput, context: SendAnswerContext): Promise<void> {
    const { me, detail, content, service } = context;
    try {
      const { held } = await runAnswerSteps(attempt.current, input, {
        newId: () => crypto.randomUUID(),
        build: (answerInput, letterId) => {
          const now = new Date();
          const response = buildAnswerResponse(answerInput, now);
          const built = buildAnswerLetter(
            {
              request: detail,
              timeline: detail.timeline,
              content,
              answer: response,
              expert: {
                userId: me.id,
                name: `${me.firstName} ${me.lastName}`,
                rpps: me.nationalIdKind === 'rpps' ? me.nationalId : null,
              },
            },
            { messageId: letterId, from: service.mailboxAddress, to: detail.requesterAddress, date: now },
          );
          return { response, built };
        },
        sealLetter: (built, letterId) =>
          sealDraft(toDraft(built), currentSigner(context.keys, context.signingSerial), letterId),
        submitLetter: async (sealed) => (await submitMessage(sealed)).hold !== null,
        sealAnswer: async (response, built) => {
          const recipients = await teRecipients(queryClient, {
            service,
            requesterUserId: detail.requesterUserId,
          });
          return sealTe(
            encodeAnswerContent({ kind: 'teleexpertise-answer', version: 1, response, task: built.task }),
            recipients,
          );
        },
        recordAnswer: async (letterId, envelope) => {
          await answerRequest(detail.id, { letterMessageId: letterId, envelope });
        },
        onStep: (step) => setState({ phase: 'running', step }),
      });
      attempt.current = null;
      setState({ phase: 'done', held });
      void queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.all });
    } catch (error) {
      if (error instanceof AnswerStepError) {
        attempt.current = error.attempt;
        setState({ phase: 'failed', step: error.step, error: error.cause });
      } else {
        setState({ phase: 'failed', step: 'build', error });
      }
    }
  }

  return {
    send,
    state,
    /** The letter is out: the answer is frozen, only the recording is left to retry. */
    letterSent: attempt.current?.letterSent ?? false,
  };
}
