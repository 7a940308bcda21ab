import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_PLAINTEXT_BYTES } from '../../src/api/mail.ts';
import { parseHprim, toHprimJson } from '../../src/hprim/index.ts';
import {
  buildLetterEntity,
  decodeSummary,
  encodeSummary,
  parseLetterEntity,
  summariseLetter,
} from '../../src/mail/index.ts';
import {
  buildNoticeLetter,
  NOTICE_CONTENT_TYPE,
  noticeJson,
  readNotice,
  type PatientNoticeInput,
} from '../../src/notice/index.ts';
import { CryptoError } from '../../src/crypto/index.ts';

const ID = '3f1c9f0e-5b7a-4c1e-9d2a-8e6f0a1b2c3d';
const ENVELOPE = {
  messageId: ID,
  from: 'cardiologie.hopital-nord@liaison.test',
  to: 'anne.durand@liaison.test',
  date: new Date('2026-12-06T09:41:00Z'),
  senderName: 'Hôpital Nord',
  recipientName: 'Dr Anne DURAND',
};

const NOTICE: PatientNoticeInput = {
  kind: 'transfer',
  patient: { lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1950-02-03', sex: 'F', ipp: 'P-000042' },
  at: '2026-12-06T10:40:00+01:00',
  service: 'Cardiologie',
  destination: 'CHU Sud, réanimation',
  note: 'Famille prévenue.\nTraitement en cours joint au dossier.',
};

describe('buildNoticeLetter', () => {
  it('writes an HPRIM document naming the patient, with the French sentence under it', () => {
    const { letter } = buildNoticeLetter(NOTICE, ENVELOPE);
    const lines = letter.text.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      'P-000042',
      'Lefèvre',
      'Hélène',
      '',
      '',
      '',
      '03/02/1950',
      '',
      '',
      '06/12/2026',
      'Hôpital Nord – Cardiologie',
      'Dr Anne DURAND',
    ]);
    expect(lines[12]).toBe(
      'Transfert de Mme LEFÈVRE Hélène, née le 03/02/1950, le 06/12/2026 à 10:40, service : Cardiologie, vers : CHU Sud, réanimation.',
    );
    expect(letter.text).toContain('IPP : P-000042');
    expect(letter.text).toContain('Note : Famille prévenue.');
    expect(letter.text.endsWith('****FIN****\n****FINFICHIER****\n')).toBe(true);
    expect(letter.subject).toBe('Avis de transfert – LEFÈVRE Hélène');
    const header = toHprimJson(parseHprim(letter.text)).documents[0]!.header;
    expect(header).toMatchObject({
      lastName: 'Lefèvre',
      firstName: 'Hélène',
      birthDate: '1950-02-03',
      nir: null,
    });
  });

  it('round trips: built, written as MIME, read back, the same notice', () => {
    const built = buildNoticeLetter(NOTICE, ENVELOPE);
    expect(built.category).toBe('notice');
    expect(built.patients).toBe(1);
    const read = parseLetterEntity(buildLetterEntity(built.letter));
    expect(read.attachments.map((a) => a.contentType)).toEqual([NOTICE_CONTENT_TYPE]);
    expect(readNotice(read)).toEqual(built.notice);
    expect(readNotice({ letter: read })).toEqual(built.notice);
  });

  it('carries the notice in the encrypted summary, so the list draws its card', () => {
    const built = buildNoticeLetter(NOTICE, ENVELOPE);
    const bytes = encodeSummary(summariseLetter(built.letter, built.patient));
    expect(bytes.length).toBeLessThanOrEqual(MAX_SUMMARY_PLAINTEXT_BYTES);
    const summary = decodeSummary(bytes);
    expect(summary.notice).toEqual(built.notice);
    expect(summary.preview.startsWith('Transfert de Mme LEFÈVRE Hélène')).toBe(true);
    expect(summary.patient).toEqual({ lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1950-02-03' });
  });

  it('keeps the largest notice in the summary', () => {
    const big = { ...NOTICE, note: 'é'.repeat(600), service: 'S'.repeat(120), destination: 'D'.repeat(120) };
    const built = buildNoticeLetter(big, ENVELOPE);
    expect(decodeSummary(encodeSummary(summariseLetter(built.letter, built.patient))).notice).toEqual(
      built.notice,
    );
  });

  it('refuses to build an invalid notice', () => {
    expect(() => buildNoticeLetter({ ...NOTICE, kind: 'birth' as 'admission' }, ENVELOPE)).toThrow();
  });
});

describe('readNotice', () => {
  it('is null for an ordinary letter', () => {
    const { letter } = buildNoticeLetter(NOTICE, ENVELOPE);
    expect(readNotice({ ...letter, attachments: [] })).toBeNull();
  });

  it('refuses a notice part that does not hold', () => {
    const { letter, notice } = buildNoticeLetter(NOTICE, ENVELOPE);
    const part = letter.attachments[0]!;
    const bad = (content: Uint8Array) => readNotice({ ...letter, attachments: [{ ...part, content }] });
    expect(() => bad(new TextEncoder().encode('{not json'))).toThrow(CryptoError);
    expect(() => bad(noticeJson({ ...notice, kind: 'birth' as 'admission' }))).toThrow(/kind/);
    expect(() => readNotice({ ...letter, attachments: [part, part] })).toThrow(/more than one/);
  });
});
