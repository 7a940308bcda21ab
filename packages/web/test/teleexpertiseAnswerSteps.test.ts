import type { SubmitMessageRequest } from '@liaison/core/api/mail';
import type { AnswerInput } from '@liaison/core/teleexpertise/answerForm';
import type { AnswerLetter } from '@liaison/core/teleexpertise/answerLetter';
import type { QuestionnaireResponse } from '@liaison/core/teleexpertise/responseSchema';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.ts';
import {
  AnswerStepError,
  runAnswerSteps,
  type AnswerAttempt,
  type AnswerStep,
  type AnswerSteps,
} from '../src/pages/teleexpertise/expert/request/answerSteps.ts';

const input: AnswerInput = { conclusion: 'Kératose séborrhéique.', outcome: 'advice-only' };

/** Runs `work` on a later turn, as real steps do: a throw becomes a rejected promise. */
const later = <T>(work: () => T): Promise<T> => Promise.resolve().then(work);

/** Fake steps that record what was done; `fail` makes the named step throw once. */
function fakeSteps(fail: Partial<Record<AnswerStep, unknown>> = {}) {
  const log: string[] = [];
  const submitted: SubmitMessageRequest[] = [];
  const recorded: Array<{ letterId: string; envelope: string }> = [];
  const pending = { ...fail };
  let ids = 0;
  const maybeFail = (step: AnswerStep) => {
    if (step in pending) {
      const error = pending[step];
      delete pending[step];
      throw error;
    }
  };
  const steps: AnswerSteps = {
    newId: () => `letter-${++ids}`,
    build: (answer, letterId) => {
      log.push(`build ${letterId}`);
      maybeFail('build');
      // Only identity matters to the runner: it hands these back to the other steps untouched.
      const response = { answer } as unknown as QuestionnaireResponse;
      return { response, built: { letterId } as unknown as AnswerLetter };
    },
    sealLetter: (_built, letterId) =>
      later(() => {
        log.push(`seal-letter ${letterId}`);
        maybeFail('seal-letter');
        return { id: letterId } as unknown as SubmitMessageRequest;
      }),
    submitLetter: (sealed) =>
      later(() => {
        log.push('send-letter');
        maybeFail('send-letter');
        submitted.push(sealed);
        return false;
      }),
    sealAnswer: () =>
      later(() => {
        log.push('seal-answer');
        maybeFail('seal-answer');
        return 'ZW52ZWxvcGU=';
      }),
    recordAnswer: (letterId, envelope) =>
      later(() => {
        log.push('record-answer');
        maybeFail('record-answer');
        recorded.push({ letterId, envelope });
      }),
    onStep: () => undefined,
  };
  return { steps, log, submitted, recorded };
}

async function failing(run: Promise<unknown>): Promise<AnswerStepError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof AnswerStepError) return error;
    throw error;
  }
  throw new Error('expected the answer to fail');
}

const network = new ApiError(0, 'NETWORK_ERROR', 'network error');

describe('sending an answer', () => {
  it('builds, seals and sends the letter, then records the answer under the letter id', async () => {
    const fake = fakeSteps();
    await expect(runAnswerSteps(null, input, fake.steps)).resolves.toEqual({ held: false });
    expect(fake.log).toEqual([
      'build letter-1',
      'seal-letter letter-1',
      'send-letter',
      'seal-answer',
      'record-answer',
    ]);
    expect(fake.recorded).toEqual([{ letterId: 'letter-1', envelope: 'ZW52ZWxvcGU=' }]);
  });

  it('never sends a second letter when recording the answer fails and is retried', async () => {
    const fake = fakeSteps({ 'record-answer': network });
    const error = await failing(runAnswerSteps(null, input, fake.steps));
    expect(error.step).toBe('record-answer');
    expect(error.attempt?.letterSent).toBe(true);

    await runAnswerSteps(error.attempt, input, fake.steps);
    expect(fake.submitted).toHaveLength(1);
    expect(fake.log.filter((entry) => entry === 'seal-answer')).toHaveLength(1);
    expect(fake.recorded).toEqual([{ letterId: 'letter-1', envelope: 'ZW52ZWxvcGU=' }]);
  });

  it('keeps the letter id even if the answers are edited after the letter left', async () => {
    const fake = fakeSteps({ 'seal-answer': new Error('certificate expired') });
    const error = await failing(runAnswerSteps(null, input, fake.steps));
    expect(error.step).toBe('seal-answer');

    await runAnswerSteps(error.attempt, { ...input, conclusion: 'Autre chose.' }, fake.steps);
    expect(fake.log.filter((entry) => entry.startsWith('build'))).toEqual(['build letter-1']);
    expect(fake.recorded[0]?.letterId).toBe('letter-1');
  });

  it('sends the same sealed letter again after a network failure', async () => {
    const fake = fakeSteps({ 'send-letter': network });
    const error = await failing(runAnswerSteps(null, input, fake.steps));
    expect(error.step).toBe('send-letter');

    await runAnswerSteps(error.attempt, input, fake.steps);
    expect(fake.log.filter((entry) => entry.startsWith('seal-letter'))).toEqual(['seal-letter letter-1']);
    expect(fake.submitted).toEqual([{ id: 'letter-1' }]);
  });

  it('starts afresh under a new id when the letter was refused', async () => {
    const fake = fakeSteps({
      'send-letter': new ApiError(422, 'RECIPIENT_NO_CERTIFICATE', 'no certificate'),
    });
    const error = await failing(runAnswerSteps(null, input, fake.steps));
    expect(error.attempt).toBeNull();

    await runAnswerSteps(error.attempt, input, fake.steps);
    expect(fake.submitted).toEqual([{ id: 'letter-2' }]);
    expect(fake.recorded[0]?.letterId).toBe('letter-2');
  });

  it('rebuilds a letter not sent yet when the answers changed', async () => {
    const fake = fakeSteps({ 'seal-letter': new Error('signing key missing') });
    const error = await failing(runAnswerSteps(null, input, fake.steps));
    const kept: AnswerAttempt | null = error.attempt;
    expect(kept?.letterSent).toBe(false);

    await runAnswerSteps(kept, { ...input, conclusion: 'Nævus bénin.' }, fake.steps);
    expect(fake.log.filter((entry) => entry.startsWith('build'))).toEqual([
      'build letter-1',
      'build letter-2',
    ]);
    expect(fake.submitted).toEqual([{ id: 'letter-2' }]);
  });
});
