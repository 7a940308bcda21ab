import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/crypto/bytes.ts';
import { nirKey } from '../../src/ids/nir.ts';
import { DERMATOLOGY_FORM, OPHTHALMOLOGY_FORM } from '../../src/teleexpertise/forms/index.ts';
import {
  TePatient,
  checkRequestContent,
  decodeRequestContent,
  encodeRequestContent,
  type RequestContentInput,
} from '../../src/teleexpertise/requestContent.ts';
import { ResponseError } from '../../src/teleexpertise/responseSchema.ts';
import { NIR, requestContent } from './teFixtures.ts';

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ResponseError) return { code: err.code, path: err.path, message: err.message };
    throw err;
  }
  throw new Error('expected a ResponseError');
};

describe('the request envelope content', () => {
  it('round-trips through UTF-8 JSON, accents and all', () => {
    const bytes = encodeRequestContent(requestContent());
    const decoded = decodeRequestContent(bytes);
    expect(decoded).toEqual(requestContent());
    expect(new TextDecoder().decode(bytes)).toContain('"lastName":"Lefèvre"');
  });

  it('keeps a NIR typed with spaces as its 15 characters, and refuses a wrong key', () => {
    const spaced = `${NIR.slice(0, 1)} ${NIR.slice(1, 3)} ${NIR.slice(3, 5)} ${NIR.slice(5)}`;
    const base = requestContent().patient;
    expect(TePatient.parse({ ...base, nir: spaced }).nir).toBe(NIR);
    const corsican = `185022a115004${nirKey('185022A115004')}`;
    expect(TePatient.parse({ ...base, nir: corsican }).nir).toBe(corsican.toUpperCase());
    const wrongKey = NIR.slice(0, 13) + (NIR.slice(13) === '01' ? '02' : '01');
    expect(TePatient.safeParse({ ...base, nir: wrongKey }).success).toBe(false);
  });

  it('refuses a birth date that is not a real day, and a NIR given as IPP', () => {
    const base = requestContent().patient;
    expect(TePatient.safeParse({ ...base, birthDate: '1950-02-30' }).success).toBe(false);
    expect(TePatient.safeParse({ ...base, birthDate: '03/02/1950' }).success).toBe(false);
    expect(TePatient.safeParse({ ...base, ipp: NIR }).success).toBe(false);
    expect(TePatient.safeParse({ ...base, sex: 'X' }).success).toBe(false);
  });

  it('refuses bad content with RESPONSE_INVALID naming the field, before encoding', () => {
    const content = requestContent();
    expect(failure(() => encodeRequestContent({ ...content, question: '   ' }))).toMatchObject({
      code: 'RESPONSE_INVALID',
      path: '.question',
    });
    expect(failure(() => encodeRequestContent({ ...content, question: 'x'.repeat(2001) }))).toMatchObject({
      path: '.question',
    });
    expect(
      failure(() =>
        encodeRequestContent({ ...content, requester: { ...content.requester, rpps: '12345678901' } }),
      ),
    ).toMatchObject({ path: '.requester.rpps' });
    const extra = { ...content, diagnosis: 'x' } as RequestContentInput;
    expect(failure(() => encodeRequestContent(extra)).message).toContain('diagnosis');
  });

  it('refuses bytes that are not JSON, or JSON of another shape, on decrypting', () => {
    expect(failure(() => decodeRequestContent(utf8('{not json')))).toMatchObject({
      code: 'RESPONSE_INVALID',
      path: '',
    });
    const wrongKind = utf8(JSON.stringify({ ...requestContent(), kind: 'teleexpertise-answer' }));
    expect(failure(() => decodeRequestContent(wrongKind)).path).toBe('.kind');
    const { response: _response, ...noResponse } = requestContent();
    expect(failure(() => decodeRequestContent(utf8(JSON.stringify(noResponse)))).path).toBe('.response');
    const badAnswer = requestContent();
    badAnswer.response.item![0]!.item![0]!.answer = [{ valueString: 'x', valueBoolean: true }];
    expect(failure(() => decodeRequestContent(utf8(JSON.stringify(badAnswer)))).path).toMatch(
      /^\.response\.item\[0\]\.item\[0\]\.answer\[0\]/,
    );
  });

  it('checks the answers against the form on both devices', () => {
    const content = decodeRequestContent(encodeRequestContent(requestContent()));
    expect(checkRequestContent(DERMATOLOGY_FORM, content)).toEqual([]);
    const onePhoto = requestContent();
    onePhoto.response.item = onePhoto.response.item!.map((i) =>
      i.linkId === 'photos' ? { ...i, answer: i.answer!.slice(0, 1) } : i,
    );
    expect(
      checkRequestContent(DERMATOLOGY_FORM, decodeRequestContent(encodeRequestContent(onePhoto))),
    ).toEqual([expect.objectContaining({ code: 'TOO_FEW', linkId: 'photos' })]);
    expect(checkRequestContent(OPHTHALMOLOGY_FORM, content)[0]).toMatchObject({
      code: 'WRONG_QUESTIONNAIRE',
    });
  });
});
