import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conditionHolds } from '../../src/teleexpertise/enableWhen.ts';
import type { EnableWhen } from '../../src/teleexpertise/questionnaire.ts';
import type { Answer, ResponseFindingCode } from '../../src/teleexpertise/response.ts';

const when = (
  operator: EnableWhen['operator'],
  answer: Omit<EnableWhen, 'question' | 'operator'>,
): EnableWhen => ({
  question: 'q',
  operator,
  ...answer,
});

describe('enableWhen operators (FHIR R4)', () => {
  it('exists looks only at the presence of an answer', () => {
    expect(conditionHolds(when('exists', { answerBoolean: true }), [{ valueString: 'x' }])).toBe(true);
    expect(conditionHolds(when('exists', { answerBoolean: true }), [])).toBe(false);
    expect(conditionHolds(when('exists', { answerBoolean: false }), [])).toBe(true);
  });

  it('is false without an answer for every other operator', () => {
    for (const op of ['=', '!=', '>', '<'] as const) {
      expect(conditionHolds(when(op, { answerInteger: 3 }), [])).toBe(false);
    }
  });

  it('compares numbers, dates, codings and quantities', () => {
    const three: Answer[] = [{ valueInteger: 3 }];
    expect(conditionHolds(when('=', { answerInteger: 3 }), three)).toBe(true);
    expect(conditionHolds(when('!=', { answerInteger: 3 }), three)).toBe(false);
    expect(conditionHolds(when('>', { answerInteger: 2 }), three)).toBe(true);
    expect(conditionHolds(when('<', { answerInteger: 2 }), three)).toBe(false);
    expect(conditionHolds(when('<', { answerDate: '2026-12-07' }), [{ valueDate: '2026-11-30' }])).toBe(true);
    const red = { valueCoding: { system: 's', code: 'red' } };
    expect(conditionHolds(when('=', { answerCoding: { code: 'red' } }), [red])).toBe(true);
    expect(conditionHolds(when('=', { answerCoding: { system: 't', code: 'red' } }), [red])).toBe(false);
    expect(
      conditionHolds(when('!=', { answerCoding: { code: 'red' } }), [red, { valueCoding: { code: 'blue' } }]),
    ).toBe(true);
    const mm = (value: number, code: string): Answer => ({ valueQuantity: { value, code } });
    expect(conditionHolds(when('>', { answerQuantity: { value: 5, code: 'mm' } }), [mm(6, 'mm')])).toBe(true);
    // Different units are not compared: 6 cm is not "> 5 mm" without a conversion we do not do.
    expect(conditionHolds(when('>', { answerQuantity: { value: 5, code: 'mm' } }), [mm(6, 'cm')])).toBe(
      false,
    );
  });
});

describe('docs/teleexpertise.md', () => {
  it('lists every finding code', () => {
    const doc = readFileSync(new URL('../../../../docs/teleexpertise.md', import.meta.url), 'utf8');
    const all: Record<ResponseFindingCode, true> = {
      WRONG_QUESTIONNAIRE: true,
      UNKNOWN_ITEM: true,
      DUPLICATE_ITEM: true,
      REQUIRED_MISSING: true,
      WRONG_TYPE: true,
      NOT_AN_OPTION: true,
      NOT_ENABLED: true,
      TOO_MANY: true,
      TOO_FEW: true,
      NOT_AN_IMAGE: true,
      FILE_TYPE_NOT_ALLOWED: true,
      FILE_MISMATCH: true,
    };
    for (const code of [...Object.keys(all), 'QUESTIONNAIRE_UNSUPPORTED', 'QUESTIONNAIRE_INVALID']) {
      expect(doc, code).toContain(`\`${code}\``);
    }
  });
});
