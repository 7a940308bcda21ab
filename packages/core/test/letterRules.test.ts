import { describe, expect, it } from 'vitest';
import { buildHprim } from '../src/hprim/build.ts';
import { checkLetterRules, letterMaySend, type LetterToCheck } from '../src/policy/letterRules.ts';

const NOW = new Date('2026-11-29T10:00:00Z');

function patientText(header: Record<string, string | null>, text = 'Compte rendu de consultation.'): string {
  return buildHprim([{ header, text }]);
}

const base: LetterToCheck = {
  category: 'patient',
  from: 'dr.lefevre@ch-calais.fr',
  replyTo: null,
  text: patientText({ lastName: 'MARTIN', firstName: 'Lucie', birthDate: '12/04/1961' }),
  attachments: [],
};
const codes = (letter: Partial<LetterToCheck>) =>
  checkLetterRules({ ...base, ...letter }, NOW).map((f) => f.code);

describe('letter format rules', () => {
  it('accepts a patient letter whose HPRIM header names the patient', () => {
    expect(checkLetterRules(base, NOW)).toEqual([]);
  });

  it('refuses a patient letter without a header, or without surname, first name or a real birth date', () => {
    expect(codes({ text: 'Cher confrère, je vous adresse Mme Martin.' })).toEqual(['PATIENT_HEADER_MISSING']);
    expect(codes({ text: patientText({ firstName: 'Lucie', birthDate: '12/04/1961' }) })).toEqual([
      'PATIENT_SURNAME_MISSING',
    ]);
    expect(codes({ text: patientText({ lastName: 'MARTIN', birthDate: '12/04/1961' }) })).toEqual([
      'PATIENT_FIRST_NAME_MISSING',
    ]);
    expect(codes({ text: patientText({ lastName: 'MARTIN', firstName: 'Lucie' }) })).toEqual([
      'PATIENT_BIRTH_DATE_MISSING',
    ]);
    expect(
      codes({ text: patientText({ lastName: 'MARTIN', firstName: 'Lucie', birthDate: '31/02/1961' }) }),
    ).toEqual(['PATIENT_BIRTH_DATE_INVALID']);
    expect(
      codes({ text: patientText({ lastName: 'MARTIN', firstName: 'Lucie', birthDate: '01/01/2030' }) }),
    ).toEqual(['PATIENT_BIRTH_DATE_INVALID']);
    const refused = checkLetterRules({ ...base, text: 'Bonjour' }, NOW);
    expect(letterMaySend(refused)).toBe(false);
    expect(refused[0]).toMatchObject({ severity: 'error', charterArticle: 6 });
  });

  it('lets a declared non-patient message go without a header', () => {
    expect(codes({ category: 'information', text: 'Réunion du service jeudi à 14 h.' })).toEqual([]);
  });

  it('warns, without refusing, when the only content is a PDF', () => {
    const pdf = [{ contentType: 'application/pdf' }];
    const emptyBody = patientText({ lastName: 'MARTIN', firstName: 'Lucie', birthDate: '12/04/1961' }, '');
    const findings = checkLetterRules({ ...base, text: emptyBody, attachments: pdf }, NOW);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['PDF_ONLY_LETTER', 'warning']]);
    expect(letterMaySend(findings)).toBe(true);
    expect(codes({ attachments: pdf })).toEqual([]); // the letter has text besides the PDF
    expect(
      codes({
        category: 'information',
        text: '  \n',
        attachments: [...pdf, { contentType: 'APPLICATION/PDF' }],
      }),
    ).toEqual(['PDF_ONLY_LETTER']);
    expect(
      codes({ category: 'information', text: '', attachments: [{ contentType: 'image/jpeg' }] }),
    ).toEqual([]);
  });

  it('refuses a no-reply From or Reply-To, however it is spelt', () => {
    expect(codes({ replyTo: 'Ne-Pas-Répondre@ch-calais.fr' })).toEqual(['NO_REPLY_FORBIDDEN']);
    expect(codes({ from: 'noreply@labo.fr' })).toEqual(['NO_REPLY_FORBIDDEN']);
    expect(checkLetterRules({ ...base, replyTo: 'no_reply@x.fr' }, NOW)[0]).toMatchObject({
      charterArticle: 4,
    });
    expect(codes({ replyTo: 'secretariat.cardio@ch-calais.fr' })).toEqual([]);
  });
});
