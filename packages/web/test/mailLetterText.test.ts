import { parseHprim } from '@liaison/core/hprim/index';
import { describe, expect, it } from 'vitest';
import {
  documentBody,
  isAbnormal,
  pastedResultCount,
  patientLetterText,
  readLetterDocuments,
  resultLevel,
} from '../src/pages/mail/letterText.ts';

const header = {
  lastName: 'Guillou',
  firstName: 'Annick',
  birthDate: '1951-07-23',
  nir: '2510749038674 02',
  fileNumber: 'HDJ-1',
  documentDate: '2026-05-06',
  sender: '10101010101 MORVAN Claire',
  recipient: 'Yann Le Bihan',
};

describe('the text of a patient letter', () => {
  it('is an HPRIM document: 12 header lines, the text, FIN and FINFICHIER', () => {
    const text = patientLetterText(header, 'Cher confrère,\n\nBonne évolution.\n\n');
    const lines = text.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      '',
      'Guillou',
      'Annick',
      '',
      '',
      '',
      '23/07/1951',
      '2510749038674 02',
      'HDJ-1',
      '06/05/2026',
      '10101010101 MORVAN Claire',
      'Yann Le Bihan',
    ]);
    expect(lines.slice(12)).toEqual([
      'Cher confrère,',
      '',
      'Bonne évolution.',
      '****FIN****',
      '****FINFICHIER****',
      '',
    ]);
    const parsed = parseHprim(text);
    expect(parsed.valid).toBe(true);
    expect(parsed.documents[0]?.header.birthDate).toBe('1951-07-23');
  });

  it('keeps a pasted ****LAB**** section as RES lines, so the recipient sees a table', () => {
    const typed = [
      'Résultats ci-dessous.',
      '****LAB****',
      'RES|Potassium|K|N|5,9|mmol/L|3,5|5,0|H|F',
      'TEX|Prélèvement hémolysé',
      'RES|Sodium|NA|N|133|mmol/L|136|145|L|F',
    ].join('\n');
    expect(pastedResultCount(typed)).toBe(2);
    const [doc] = readLetterDocuments(patientLetterText(header, typed), 'patient');
    expect(doc?.results.map((r) => [r.label, r.value, r.flag])).toEqual([
      ['Potassium', '5,9', 'H'],
      ['Sodium', '133', 'L'],
    ]);
    // TEX lines are text: they are shown with the letter, nothing is lost.
    expect(doc?.text).toContain('Résultats ci-dessous.');
    expect(doc?.text).toContain('Prélèvement hémolysé');
  });

  it('keeps what follows the closing tags of a pasted whole document, as text', () => {
    const typed = [
      '****LAB****',
      'RES|Hb|HB|N|12|g/dL|12|16|N|F',
      '****FIN****',
      'PS : à revoir',
      '****FINFICHIER****',
    ].join('\n');
    const [doc] = readLetterDocuments(patientLetterText(header, typed), 'patient');
    expect(doc?.results).toHaveLength(1);
    expect(doc?.text).toContain('PS : à revoir');
  });

  it('defuses a tag typed inside the text, which would otherwise end the document early', () => {
    const text = patientLetterText(header, 'avant\n****FIN****\naprès');
    const parsed = parseHprim(text);
    expect(parsed.valid).toBe(true);
    expect(parsed.documents).toHaveLength(1);
    expect(parsed.documents[0]?.text).toContain('après');
  });

  it('turns a document back into text with its LAB section, for a forward', () => {
    const [doc] = readLetterDocuments(
      patientLetterText(header, 'Texte.\n****LAB****\nRES|K|K|N|5,9|mmol/L|3,5|5,0|H|F'),
      'patient',
    );
    if (!doc) throw new Error('no document');
    const body = documentBody(doc);
    expect(body).toContain('****LAB****');
    expect(pastedResultCount(body)).toBe(1);
  });
});

describe('reading a delivered letter', () => {
  it('shows a message without patient as its plain text', () => {
    const docs = readLetterDocuments('Réunion jeudi 14 h.\n', 'information');
    expect(docs).toEqual([{ header: null, text: 'Réunion jeudi 14 h.', results: [], warnings: [] }]);
  });

  it('reports a wrong NIR key of a received header without losing the letter', () => {
    const text = patientLetterText({ ...header, nir: '2510749038674 03' }, 'Texte.');
    const [doc] = readLetterDocuments(text, 'patient');
    expect(doc?.warnings.map((w) => w.code)).toContain('HPRIM_NIR_KEY');
    expect(doc?.text).toBe('Texte.');
  });
});

describe('lab result levels', () => {
  it('reads the HPRIM flags, in any case, and says which are abnormal', () => {
    expect(['L', 'h', 'LL', 'HH', 'N', '', null, 'X'].map(resultLevel)).toEqual([
      'low',
      'high',
      'veryLow',
      'veryHigh',
      'normal',
      null,
      null,
      null,
    ]);
    expect(isAbnormal('high')).toBe(true);
    expect(isAbnormal('normal')).toBe(false);
    expect(isAbnormal(null)).toBe(false);
  });
});
