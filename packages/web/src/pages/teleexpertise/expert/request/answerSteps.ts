import type { SubmitMessageRequest } from '@liaison/core/api/mail';
import type { AnswerInput } from '@liaison/core/teleexpertise/answerForm';
import type { AnswerLetter } from '@liaison/core/teleexpertise/answerLetter';
import type { QuestionnaireResponse } from '@liaison/core/teleexpertise/responseSchema';
import { isApiError } from '../../../../api/client.ts';

/** The answer goes out in these steps; the screen shows each, and which one failed. */
export const ANSWER_STEPS = ['build', 'seal-letter', 'send-letter', 'seal-answer', 'record-answer'] as const;
export type AnswerStep = (typeof ANSWER_STEPS)[number];

/** What survives a failure, so a retry picks up where it stopped and never sends a second letter. */
export interface AnswerAttempt {
  fingerprint: string;
  letterId: string;
  response: QuestionnaireResponse;
  built: AnswerLetter;
  sealed: SubmitMessageRequest | null;
  letterSent: boolean;
  envelope: string | null;
}

/** The work of each step, given by the caller (the hook wires the real crypto and API). */
export interface AnswerSteps {
  newId(): string;
  build(input: AnswerInput, letterId: string): { response: QuestionnaireResponse; built: AnswerLetter };
  sealLetter(built: AnswerLetter, letterId: string): Promise<SubmitMessageRequest>;
  /** Resolves to whether a usage rule held the letter for review. */
  submitLetter(sealed: SubmitMessageRequest): Promise<boolean>;
  sealAnswer(response: QuestionnaireResponse, built: AnswerLetter): Promise<string>;
  recordAnswer(letterId: string, envelope: string): Promise<void>;
  onStep(step: AnswerStep): void;
}

export class AnswerStepError extends Error {
  override readonly name = 'AnswerStepError';
  constructor(
    readonly step: AnswerStep,
    override readonly cause: unknown,
    /** What to keep for the retry (null: start afresh). */
    readonly attempt: AnswerAttempt | null,
  ) {
    super(`answer failed at ${step}`);
  }
}

/** Worth sending the same bytes again: the connection dropped or the server stumbled. */
function transient(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

/**
 * Runs the steps from where `previous` stopped. A letter not sent yet is rebuilt when the answers
 * changed; one sent is never sent again (its id goes to the recording step, retried alone). A letter
 * refused outright was not stored, so the next try starts afresh under a new id; after a network
 * failure the same sealed bytes go again under the same id, which the server answers like the first
 * time. Throws AnswerStepError naming the failed step.
 */
export async function runAnswerSteps(
  previous: AnswerAttempt | null,
  input: AnswerInput,
  steps: AnswerSteps,
): Promise<{ held: boolean }> {
  const fingerprint = JSON.stringify(input);
  let current = previous;
  if (current && !current.letterSent && current.fingerprint !== fingerprint) current = null;
  let step: AnswerStep = 'build';
  const enter = (next: AnswerStep) => {
    step = next;
    steps.onStep(next);
  };
  try {
    if (current === null) {
      enter('build');
      const letterId = steps.newId();
      const { response, built } = steps.build(input, letterId);
      current = { fingerprint, letterId, response, built, sealed: null, letterSent: false, envelope: null };
    }
    let held = false;
    if (!current.letterSent) {
      if (current.sealed === null) {
        enter('seal-letter');
        current.sealed = await steps.sealLetter(current.built, current.letterId);
      }
      enter('send-letter');
      try {
        held = await steps.submitLetter(current.sealed);
      } catch (error) {
        throw new AnswerStepError('send-letter', error, transient(error) ? current : null);
      }
      current.letterSent = true;
    }
    if (current.envelope === null) {
      enter('seal-answer');
      current.envelope = await steps.sealAnswer(current.response, current.built);
    }
    enter('record-answer');
    await steps.recordAnswer(current.letterId, current.envelope);
    return { held };
  } catch (error) {
    if (error instanceof AnswerStepError) throw error;
    throw new AnswerStepError(step, error, current);
  }
}
