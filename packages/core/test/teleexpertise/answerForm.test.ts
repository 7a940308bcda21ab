import { describe, expect, it } from 'vitest';
import {
  ANSWER_CODE_SYSTEM,
  ANSWER_FORM,
  answerOutcomeLabel,
  buildAnswerResponse,
  readAnswer,
  type AnswerInput,
} from '../../src/teleexpertise/answerForm.ts';
import { importQuestionnaire } from '../../src/teleexpertise/questionnaire.ts';
import { ResponseError, validateResponse } from '../../src/teleexpertise/response.ts';

const AUTHORED = new Date('2026-12-02T14:00:00.000Z');

const refusal = (input: AnswerInput) => {
  try {
    buildAnswerResponse(input, AUTHORED);
  } catch (err) {
    if (err instanceof ResponseError) return { code: err.code, path: err.path, message: err.message };
    throw err;
  }
  throw new Error('expected a ResponseError');
};

describe('the answer form', () => {
  it('imports cleanly, like a form an admin would import', () => {
    expect(importQuestionnaire(JSON.parse(JSON.stringify(ANSWER_FORM)))).toEqual(ANSWER_FORM);
    expect(ANSWER_FORM.url).toBe('https://liaison.example/fhir/Questionnaire/teleexpertise-answer');
    expect(ANSWER_FORM.version).toBe('1.0.0');
  });

  it('builds a completed response that reads back to the same answer', () => {
    const input: AnswerInput = {
      conclusion: '  Naevus atypique : exérèse conseillée.  ',
      advice: 'Photoprotection.',
      outcome: 'consultation',
      urgency: 'within-week',
    };
    const response = buildAnswerResponse(input, AUTHORED);
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: `${ANSWER_FORM.url}|1.0.0`,
      status: 'completed',
      authored: '2026-12-02T14:00:00.000Z',
    });
    expect(response.item?.find((i) => i.linkId === 'outcome')?.answer).toEqual([
      {
        valueCoding: { system: ANSWER_CODE_SYSTEM, code: 'consultation', display: 'Consultation nécessaire' },
      },
    ]);
    expect(validateResponse(ANSWER_FORM, response)).toEqual([]);
    expect(readAnswer(response)).toEqual({ ...input, conclusion: 'Naevus atypique : exérèse conseillée.' });
  });

  it('leaves out blank advice', () => {
    const response = buildAnswerResponse(
      { conclusion: 'Bénin.', advice: '  ', outcome: 'advice-only' },
      AUTHORED,
    );
    expect(response.item?.map((i) => i.linkId)).toEqual(['conclusion', 'outcome']);
    expect(readAnswer(response)).toEqual({ conclusion: 'Bénin.', outcome: 'advice-only' });
  });

  it('requires an urgency only for a consultation, and a referral only for refer', () => {
    expect(refusal({ conclusion: 'À voir.', outcome: 'consultation' })).toMatchObject({
      code: 'RESPONSE_INVALID',
      path: 'urgency',
    });
    expect(refusal({ conclusion: 'À voir.', outcome: 'consultation' }).message).toContain('REQUIRED_MISSING');
    expect(refusal({ conclusion: 'Bénin.', outcome: 'advice-only', urgency: 'within-48h' })).toMatchObject({
      path: 'urgency',
    });
    expect(
      refusal({ conclusion: 'Bénin.', outcome: 'advice-only', urgency: 'within-48h' }).message,
    ).toContain('NOT_ENABLED');
    expect(refusal({ conclusion: 'Autre avis.', outcome: 'refer' })).toMatchObject({ path: 'refer-to' });
    expect(refusal({ conclusion: 'Autre avis.', outcome: 'refer', referTo: ' ' })).toMatchObject({
      path: 'refer-to',
    });
    expect(
      readAnswer(
        buildAnswerResponse(
          { conclusion: 'Autre avis.', outcome: 'refer', referTo: 'Chirurgie plastique' },
          AUTHORED,
        ),
      ),
    ).toEqual({ conclusion: 'Autre avis.', outcome: 'refer', referTo: 'Chirurgie plastique' });
    expect(
      refusal({ conclusion: 'x', outcome: 'consultation', urgency: 'tomorrow' as 'within-48h' }),
    ).toMatchObject({
      path: 'urgency',
    });
  });

  it('refuses an empty conclusion', () => {
    expect(refusal({ conclusion: '  ', outcome: 'advice-only' })).toMatchObject({ path: 'conclusion' });
  });

  it('refuses to read a response to another form, or a draft', () => {
    const response = buildAnswerResponse({ conclusion: 'Bénin.', outcome: 'advice-only' }, AUTHORED);
    expect(() => readAnswer({ ...response, questionnaire: 'https://x.test/Q|1' })).toThrow(ResponseError);
    expect(() => readAnswer({ ...response, status: 'in-progress', item: [] })).toThrow(ResponseError);
  });

  it('labels outcomes in French', () => {
    expect(answerOutcomeLabel('advice-only')).toBe('Avis seul');
    expect(answerOutcomeLabel('consultation', 'within-48h')).toBe('Consultation nécessaire (sous 48 heures)');
    expect(answerOutcomeLabel('consultation', 'within-month')).toBe('Consultation nécessaire (dans le mois)');
    expect(answerOutcomeLabel('refer')).toBe('Orientation vers un autre spécialiste');
  });
});
