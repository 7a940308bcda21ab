import { describe, expect, it } from 'vitest';
import { BUILT_IN_FORMS } from '../../src/teleexpertise/forms/index.ts';
import { importQuestionnaire } from '../../src/teleexpertise/questionnaire.ts';
import { QuestionnaireError } from '../../src/teleexpertise/questionnaireError.ts';

/** A small valid form that each refusal case breaks in one place. */
const base = () => ({
  resourceType: 'Questionnaire',
  url: 'https://liaison.example/fhir/Questionnaire/test',
  version: '1.0.0',
  status: 'draft',
  item: [
    {
      linkId: 'g',
      type: 'group',
      item: [
        { linkId: 'age', type: 'integer' },
        { linkId: 'smoker', type: 'boolean' },
        {
          linkId: 'colour',
          type: 'choice',
          answerOption: [{ valueCoding: { code: 'red' } }, { valueCoding: { code: 'blue' } }],
        },
      ],
    },
    { linkId: 'notes', type: 'text' },
  ],
});
type Form = ReturnType<typeof base> & Record<string, unknown>;
type Item = Record<string, unknown>;
const item = (form: Form, i: number, j?: number) =>
  (j === undefined ? form.item[i] : form.item[0]!.item![j]) as Item;

function refusal(mutate: (form: Form) => void): QuestionnaireError {
  const form = base() as Form;
  mutate(form);
  try {
    importQuestionnaire(JSON.parse(JSON.stringify(form)));
  } catch (error) {
    if (error instanceof QuestionnaireError) return error;
    throw error;
  }
  throw new Error('the form was accepted');
}

describe('importing a Questionnaire', () => {
  it('accepts the small base form and the three built-in forms unchanged', () => {
    expect(importQuestionnaire(base()).item).toHaveLength(2);
    for (const form of Object.values(BUILT_IN_FORMS)) {
      expect(importQuestionnaire(JSON.parse(JSON.stringify(form)))).toEqual(form);
    }
  });

  const unsupported: [string, (form: Form) => void, string | undefined, string][] = [
    ['a reference item', (f) => (item(f, 1).type = 'reference'), 'notes', 'item[1].type'],
    ['a url item', (f) => (item(f, 1).type = 'url'), 'notes', 'item[1].type'],
    ['a time item', (f) => (item(f, 0, 0).type = 'time'), 'age', 'item[0].item[0].type'],
    ['an open-choice item', (f) => (item(f, 0, 2).type = 'open-choice'), 'colour', 'item[0].item[2].type'],
    [
      'answerValueSet',
      (f) => (item(f, 0, 2).answerValueSet = 'http://x/vs'),
      'colour',
      'item[0].item[2].answerValueSet',
    ],
    [
      'initial',
      (f) => (item(f, 0, 1).initial = [{ valueBoolean: true }]),
      'smoker',
      'item[0].item[1].initial',
    ],
    [
      'an unknown extension',
      (f) =>
        (item(f, 1).extension = [
          { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true },
        ]),
      'notes',
      'item[1].extension[0]',
    ],
    [
      'the >= operator',
      (f) => (item(f, 1).enableWhen = [{ question: 'age', operator: '>=', answerInteger: 18 }]),
      'notes',
      'item[1].enableWhen[0].operator',
    ],
    ['a top-level extension', (f) => (f.extension = []), undefined, 'extension'],
    ['a repeating group', (f) => (item(f, 0).repeats = true), 'g', 'item[0]'],
    [
      'items nested under a question',
      (f) => (item(f, 1).item = [{ linkId: 'x', type: 'string' }]),
      'notes',
      'item[1].item',
    ],
  ];
  it.each(unsupported)('refuses %s as unsupported, naming the item', (_, mutate, linkId, path) => {
    const error = refusal(mutate);
    expect(error.code).toBe('QUESTIONNAIRE_UNSUPPORTED');
    expect(error.linkId).toBe(linkId);
    expect(error.path).toBe(path);
    if (linkId) expect(error.message).toContain(`"${linkId}"`);
  });

  const invalid: [string, (form: Form) => void, string | undefined][] = [
    ['a missing url', (f) => delete (f as Partial<Form>).url, undefined],
    ['a missing version', (f) => delete (f as Partial<Form>).version, undefined],
    ['a missing status', (f) => delete (f as Partial<Form>).status, undefined],
    ['a duplicate linkId', (f) => (item(f, 1).linkId = 'age'), 'age'],
    ['a choice without options', (f) => delete item(f, 0, 2).answerOption, 'colour'],
    ['options on a non-choice', (f) => (item(f, 1).answerOption = [{ valueString: 'a' }]), 'notes'],
    ['an empty group', (f) => (item(f, 0).item = []), 'g'],
    [
      'enableWhen on an unknown linkId',
      (f) => (item(f, 1).enableWhen = [{ question: 'nope', operator: 'exists', answerBoolean: true }]),
      'notes',
    ],
    [
      'enableWhen with the wrong answer type',
      (f) => (item(f, 1).enableWhen = [{ question: 'age', operator: '=', answerString: '18' }]),
      'notes',
    ],
    [
      '> on a boolean',
      (f) => (item(f, 1).enableWhen = [{ question: 'smoker', operator: '>', answerBoolean: true }]),
      'notes',
    ],
    [
      '> on a choice',
      (f) => (item(f, 1).enableWhen = [{ question: 'colour', operator: '>', answerCoding: { code: 'red' } }]),
      'notes',
    ],
    [
      'a coding that is not an option',
      (f) =>
        (item(f, 1).enableWhen = [{ question: 'colour', operator: '=', answerCoding: { code: 'green' } }]),
      'notes',
    ],
    [
      'exists without answerBoolean',
      (f) => (item(f, 1).enableWhen = [{ question: 'age', operator: 'exists', answerInteger: 1 }]),
      'notes',
    ],
    [
      'enableWhen on a group',
      (f) => (item(f, 1).enableWhen = [{ question: 'g', operator: 'exists', answerBoolean: true }]),
      'notes',
    ],
    [
      'two enableWhen without enableBehavior',
      (f) =>
        (item(f, 1).enableWhen = [
          { question: 'age', operator: '>', answerInteger: 1 },
          { question: 'smoker', operator: '=', answerBoolean: true },
        ]),
      'notes',
    ],
    [
      'an enableWhen loop',
      (f) => {
        item(f, 0, 0).enableWhen = [{ question: 'smoker', operator: 'exists', answerBoolean: true }];
        item(f, 0, 1).enableWhen = [{ question: 'age', operator: 'exists', answerBoolean: true }];
      },
      'age',
    ],
    ['an attachment without mimeType', (f) => (item(f, 1).type = 'attachment'), 'notes'],
    [
      'minOccurs 2 without repeats',
      (f) =>
        (item(f, 0, 0).extension = [
          { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs', valueInteger: 2 },
        ]),
      'age',
    ],
    ['a required that is not a boolean', (f) => (item(f, 0, 1).required = 'yes'), 'smoker'],
  ];
  it.each(invalid)('refuses %s as invalid, naming the item', (_, mutate, linkId) => {
    const error = refusal(mutate);
    expect(error.code).toBe('QUESTIONNAIRE_INVALID');
    expect(error.linkId).toBe(linkId);
    expect(error.path).not.toBe('');
  });

  it('refuses attachment types outside the subset', () => {
    const error = refusal((f) => {
      item(f, 1).type = 'attachment';
      item(f, 1).extension = [
        { url: 'http://hl7.org/fhir/StructureDefinition/mimeType', valueCode: 'video/mp4' },
      ];
    });
    expect([error.code, error.linkId, error.path]).toEqual([
      'QUESTIONNAIRE_UNSUPPORTED',
      'notes',
      'item[1].extension[0]',
    ]);
  });

  it('refuses what is not a Questionnaire at all', () => {
    expect(() => importQuestionnaire(null)).toThrow(QuestionnaireError);
    expect(() => importQuestionnaire({ ...base(), resourceType: 'Patient' })).toThrow(/resourceType/);
  });
});
