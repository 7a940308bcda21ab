import { describe, expect, it } from 'vitest';
import {
  CARDIOLOGY_FORM,
  DERMATOLOGY_CODES,
  DERMATOLOGY_FORM,
  OPHTHALMOLOGY_FORM,
} from '../../src/teleexpertise/forms/index.ts';
import { codeSystem } from '../../src/teleexpertise/forms/shared.ts';
import {
  ResponseError,
  parseResponse,
  validateResponse,
  type Answer,
  type QuestionnaireResponse,
} from '../../src/teleexpertise/response.ts';
import { PDF_BYTES, base64, coding, jpegPhoto, pdfFile, responseTo } from './answers.ts';

const derm = (code: string) => coding(DERMATOLOGY_CODES, code);
const cardio = (code: string) => coding(codeSystem('cardiology'), code);

const dermatologyAnswers = (): Record<string, Answer[]> => ({
  'lesion-site': [derm('trunk')],
  'lesion-size-mm': [{ valueDecimal: 6.5 }],
  'lesion-duration': [derm('1m-6m')],
  'lesion-evolution': [derm('growing'), derm('colour-change')],
  itching: [{ valueBoolean: false }],
  photos: [jpegPhoto('close-up.jpg'), jpegPhoto('context.jpg')],
});
const cardiologyAnswers = (): Record<string, Answer[]> => ({
  context: [{ valueString: 'Patient de 62 ans, HTA.' }],
  symptoms: [cardio('palpitations')],
  ecg: [pdfFile()],
});

const codes = (findings: { code: string; linkId: string | null }[]) =>
  findings.map((f) => `${f.code} ${f.linkId}`);
const check = (form: typeof DERMATOLOGY_FORM, response: QuestionnaireResponse) =>
  codes(validateResponse(form, parseResponse(JSON.parse(JSON.stringify(response)))));

describe('validating answers against a form', () => {
  it('accepts complete answers to the three forms', () => {
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, dermatologyAnswers()))).toEqual([]);
    expect(check(CARDIOLOGY_FORM, responseTo(CARDIOLOGY_FORM, cardiologyAnswers()))).toEqual([]);
    const eyes = {
      reason: [{ valueString: 'BAV droite' }],
      'visual-acuity-right': [{ valueDecimal: 0.4 }],
      'visual-acuity-left': [{ valueDecimal: 1 }],
      'eye-pressure-right': [{ valueDecimal: 18 }],
    };
    expect(check(OPHTHALMOLOGY_FORM, responseTo(OPHTHALMOLOGY_FORM, eyes))).toEqual([]);
  });

  it('flags missing required items on a completed response only', () => {
    const answers = dermatologyAnswers();
    delete answers['lesion-site'];
    delete answers.photos;
    const expected = ['REQUIRED_MISSING lesion-site', 'REQUIRED_MISSING photos'];
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, answers))).toEqual(expected);
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, answers, 'in-progress'))).toEqual([]);
  });

  it('types answers strictly', () => {
    const answers = dermatologyAnswers();
    answers['lesion-size-mm'] = [{ valueInteger: 6 }];
    answers.itching = [{ valueString: 'oui' }];
    const eyes = { reason: [{ valueString: ' ' }], 'visual-acuity-right': [{ valueString: '8/10' }] };
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, answers))).toEqual([
      'WRONG_TYPE lesion-size-mm',
      'WRONG_TYPE itching',
    ]);
    expect(check(OPHTHALMOLOGY_FORM, responseTo(OPHTHALMOLOGY_FORM, eyes))).toEqual([
      'WRONG_TYPE reason',
      'WRONG_TYPE visual-acuity-right',
      'REQUIRED_MISSING visual-acuity-left',
    ]);
  });

  it('checks dates are YYYY-MM-DD days', () => {
    const at = (valueDate: string) =>
      check(
        CARDIOLOGY_FORM,
        responseTo(CARDIOLOGY_FORM, {
          ...cardiologyAnswers(),
          symptoms: [cardio('syncope')],
          'last-syncope': [{ valueDate }],
        }),
      );
    expect(at('2026-12-01')).toEqual([]);
    expect(at('2026-02-30')).toEqual(['WRONG_TYPE last-syncope']);
    expect(at('01/12/2026')).toEqual(['WRONG_TYPE last-syncope']);
  });

  it('refuses a choice that is not an option', () => {
    const answers = { ...dermatologyAnswers(), 'lesion-site': [derm('elbow')] };
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, answers))).toEqual([
      'NOT_AN_OPTION lesion-site',
    ]);
    const otherSystem = {
      ...dermatologyAnswers(),
      'lesion-site': [coding('http://snomed.info/sct', 'trunk')],
    };
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, otherSystem))).toEqual([
      'NOT_AN_OPTION lesion-site',
    ]);
  });

  it('enables chest pain questions only when chest pain is selected, and then requires the details', () => {
    const details = { 'chest-pain-details': [{ valueString: 'Constrictive, 10 min' }] };
    const answered = { ...cardiologyAnswers(), ...details };
    expect(check(CARDIOLOGY_FORM, responseTo(CARDIOLOGY_FORM, answered))).toEqual([
      'NOT_ENABLED chest-pain-details',
    ]);
    const pain = { ...cardiologyAnswers(), symptoms: [cardio('dyspnoea'), cardio('chest-pain')] };
    expect(check(CARDIOLOGY_FORM, responseTo(CARDIOLOGY_FORM, pain))).toEqual([
      'REQUIRED_MISSING chest-pain-details',
    ]);
    expect(check(CARDIOLOGY_FORM, responseTo(CARDIOLOGY_FORM, { ...pain, ...details }))).toEqual([]);
  });

  it('evaluates enableBehavior any: the high-pressure question opens for either eye', () => {
    const context = { 'high-pressure-context': [{ valueString: 'Glaucome connu' }] };
    const eyes = (right: number, left: number) => ({
      reason: [{ valueString: 'HTO' }],
      'visual-acuity-right': [{ valueDecimal: 1 }],
      'visual-acuity-left': [{ valueDecimal: 1 }],
      'eye-pressure-right': [{ valueDecimal: right }],
      'eye-pressure-left': [{ valueDecimal: left }],
      ...context,
    });
    expect(check(OPHTHALMOLOGY_FORM, responseTo(OPHTHALMOLOGY_FORM, eyes(15, 16)))).toEqual([
      'NOT_ENABLED high-pressure-context',
    ]);
    expect(check(OPHTHALMOLOGY_FORM, responseTo(OPHTHALMOLOGY_FORM, eyes(15, 28)))).toEqual([]);
    expect(check(OPHTHALMOLOGY_FORM, responseTo(OPHTHALMOLOGY_FORM, eyes(30, 16)))).toEqual([]);
  });

  it('evaluates enableBehavior all and chains: a disabled item disables what depends on it', () => {
    const form = structuredClone(DERMATOLOGY_FORM);
    form.item.push({
      linkId: 'bleeding-volume',
      type: 'string',
      enableBehavior: 'all',
      enableWhen: [
        { question: 'bleeding-details', operator: 'exists', answerBoolean: true },
        { question: 'itching', operator: '=', answerBoolean: true },
      ],
    });
    const answers = {
      ...dermatologyAnswers(),
      itching: [{ valueBoolean: true }],
      bleeding: [{ valueBoolean: true }],
      'bleeding-details': [{ valueString: 'au grattage' }],
      'bleeding-volume': [{ valueString: 'quelques gouttes' }],
    };
    expect(check(form, responseTo(form, answers))).toEqual([]);
    expect(check(form, responseTo(form, { ...answers, itching: [{ valueBoolean: false }] }))).toEqual([
      'NOT_ENABLED bleeding-volume',
    ]);
    // bleeding = false disables the details, so their answer counts as absent for bleeding-volume too.
    expect(check(form, responseTo(form, { ...answers, bleeding: [{ valueBoolean: false }] }))).toEqual([
      'NOT_ENABLED bleeding-details',
      'NOT_ENABLED bleeding-volume',
    ]);
  });

  it('enforces repeats, minOccurs and maxOccurs', () => {
    const once = { ...dermatologyAnswers(), 'lesion-site': [derm('trunk'), derm('neck')] };
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, once))).toEqual(['TOO_MANY lesion-site']);
    const onePhoto = { ...dermatologyAnswers(), photos: [jpegPhoto()] };
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, onePhoto))).toEqual(['TOO_FEW photos']);
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, onePhoto, 'in-progress'))).toEqual([]);
    const sevenPhotos = { ...dermatologyAnswers(), photos: Array.from({ length: 7 }, () => jpegPhoto()) };
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, sevenPhotos))).toEqual(['TOO_MANY photos']);
  });

  it('refuses a PDF sent as a photo, by its type and by its bytes', () => {
    const declared = { ...dermatologyAnswers(), photos: [jpegPhoto(), pdfFile()] };
    expect(check(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, declared))).toEqual(['NOT_AN_IMAGE photos']);
    const disguised = { ...dermatologyAnswers(), photos: [jpegPhoto(), pdfFile('image/jpeg')] };
    const findings = validateResponse(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, disguised));
    expect(codes(findings)).toEqual(['NOT_AN_IMAGE photos']);
    expect(findings[0]!.message).toMatch(/bytes/);
  });

  it('checks ECG files: a PDF or an image, really', () => {
    const ecg = (answer: Answer) =>
      check(CARDIOLOGY_FORM, responseTo(CARDIOLOGY_FORM, { ...cardiologyAnswers(), ecg: [answer] }));
    expect(ecg(jpegPhoto())).toEqual([]);
    expect(ecg({ valueAttachment: { contentType: 'application/pdf', url: 'attachment:4f2a' } })).toEqual([]);
    expect(ecg({ valueAttachment: { contentType: 'text/plain', data: base64(PDF_BYTES) } })).toEqual([
      'FILE_TYPE_NOT_ALLOWED ecg',
    ]);
    expect(
      ecg({ valueAttachment: { contentType: 'application/pdf', data: jpegPhoto().valueAttachment!.data! } }),
    ).toEqual(['FILE_MISMATCH ecg']);
    expect(
      ecg({ valueAttachment: { contentType: 'application/pdf', data: base64(PDF_BYTES), size: 3 } }),
    ).toEqual(['FILE_MISMATCH ecg']);
    expect(ecg({ valueAttachment: { contentType: 'application/pdf', data: 'not base64!' } })).toEqual([
      'FILE_MISMATCH ecg',
    ]);
  });

  it('flags unknown, misplaced and repeated items, answers to groups, and another form', () => {
    const response = responseTo(DERMATOLOGY_FORM, dermatologyAnswers());
    response.item!.push(
      { linkId: 'mood', answer: [{ valueString: 'ok' }] },
      { linkId: 'itching', answer: [{ valueBoolean: true }] },
      { linkId: 'photos', answer: [jpegPhoto()] },
    );
    response.item![0]!.answer = [{ valueBoolean: true }];
    response.questionnaire = `${DERMATOLOGY_FORM.url}|0.9.0`;
    expect(check(DERMATOLOGY_FORM, response)).toEqual([
      'WRONG_QUESTIONNAIRE null',
      'UNKNOWN_ITEM mood',
      'UNKNOWN_ITEM itching',
      'DUPLICATE_ITEM photos',
      'WRONG_TYPE lesion',
    ]);
  });

  it('refuses JSON that is not a response before validating it', () => {
    for (const json of [
      null,
      { resourceType: 'QuestionnaireResponse' },
      { ...responseTo(CARDIOLOGY_FORM, {}), extra: 1 },
    ]) {
      expect(() => parseResponse(json)).toThrow(ResponseError);
    }
    const twoValues = responseTo(CARDIOLOGY_FORM, { context: [{ valueString: 'a', valueBoolean: true }] });
    expect(() => parseResponse(twoValues)).toThrow(/exactly one value/);
  });
});
