import type { MailRecipient } from '@liaison/core/api/mail';
import { parseHprim } from '@liaison/core/hprim/index';
import { describe, expect, it } from 'vitest';
import { hospitalDoctor } from './support/me.ts';
import {
  composeErrors,
  draftFingerprint,
  draftOf,
  emptyPatient,
  hasErrors,
  patientErrors,
  type ComposeValues,
} from '../src/pages/mail/compose/composeValues.ts';

const me = hospitalDoctor;

const gp: MailRecipient = {
  address: 'yann.le-bihan@liaison.test',
  kind: 'PER',
  displayName: 'Yann Le Bihan',
  organisationName: null,
  acceptsAttachments: true,
};

function values(patch: Partial<ComposeValues> = {}): ComposeValues {
  return {
    to: [gp],
    cc: [],
    subject: 'Compte rendu',
    category: 'patient',
    patient: {
      ...emptyPatient('06/05/2026'),
      lastName: 'Guillou',
      firstName: 'Annick',
      birthDate: '23/07/1951',
      nir: '2510749038674 02',
    },
    text: 'Cher confrère,',
    ...patch,
  };
}

describe('compose checks', () => {
  it('accepts a complete patient letter', () => {
    expect(hasErrors(composeErrors(values(), 0))).toBe(false);
  });

  it('says which patient field is wrong, with the HPRIM core’s codes', () => {
    const base = values().patient;
    expect(patientErrors({ ...base, nir: '2510749038674 03' })).toEqual({ nir: 'HPRIM_NIR_KEY' });
    expect(patientErrors({ ...base, nir: '25107' })).toEqual({ nir: 'HPRIM_NIR_FORMAT' });
    expect(patientErrors({ ...base, birthDate: '31/02/1951' })).toEqual({ birthDate: 'HPRIM_DATE_INVALID' });
    expect(patientErrors({ ...base, birthDate: '01/01/2999' })).toEqual({ birthDate: 'HPRIM_DATE_INVALID' });
    expect(patientErrors({ ...base, documentDate: '2026/05/06' })).toEqual({
      documentDate: 'HPRIM_DATE_INVALID',
    });
    expect(patientErrors({ ...base, lastName: ' ', postalCode: '560' })).toEqual({
      lastName: 'HPRIM_FIELD_REQUIRED',
      postalCode: 'HPRIM_POSTCODE',
    });
  });

  it('needs a recipient, a subject, a text; a message without patient needs no header', () => {
    const errors = composeErrors(values({ to: [], subject: ' ', text: '', category: 'information' }), 0);
    expect(errors).toEqual({
      to: 'toRequired',
      subject: 'subjectRequired',
      text: 'bodyRequired',
      patient: {},
    });
  });

  it('refuses attachments when a recipient does not accept them, and a recipient listed twice', () => {
    const refusing = { ...gp, address: 'labo@liaison.test', acceptsAttachments: false };
    expect(composeErrors(values({ cc: [refusing] }), 1).attachments).toBe('attachmentsRefused');
    expect(composeErrors(values({ cc: [refusing] }), 0).attachments).toBeUndefined();
    expect(composeErrors(values({ cc: [gp] }), 0).to).toBe('duplicateRecipient');
  });
});

describe('the draft handed to sealing', () => {
  it('carries an HPRIM body and the patient of the encrypted summary (ISO birth date)', () => {
    const draft = draftOf({
      values: values(),
      me,
      from: 'claire.morvan@liaison.test',
      attachments: [],
      inReplyTo: null,
    });
    expect(draft.to).toEqual(['yann.le-bihan@liaison.test']);
    expect(draft.patient).toEqual({ lastName: 'Guillou', firstName: 'Annick', birthDate: '1951-07-23' });
    const [doc] = parseHprim(draft.text).documents;
    expect(doc?.header).toMatchObject({
      lastName: 'Guillou',
      birthDate: '1951-07-23',
      documentDate: '2026-05-06',
      sender: '10101010101 MORVAN Claire',
      recipient: 'Yann Le Bihan',
    });
  });

  it('sends a message without patient as typed', () => {
    const draft = draftOf({
      values: values({ category: 'information', text: 'Réunion jeudi.\r\n' }),
      me,
      from: 'claire.morvan@liaison.test',
      attachments: [],
      inReplyTo: 'a7c6f0f2-6c1b-4a7e-8d55-3f4b1c0e9d21',
    });
    expect(draft).toMatchObject({ text: 'Réunion jeudi.', patient: null, category: 'information' });
  });

  it('fingerprints the content: unchanged means the sealed retry is reused, any change seals anew', () => {
    const a = draftFingerprint(values(), [], 'x@liaison.test');
    expect(draftFingerprint(values(), [], 'x@liaison.test')).toBe(a);
    expect(draftFingerprint(values({ subject: 'Autre' }), [], 'x@liaison.test')).not.toBe(a);
    const file = new File(['%PDF'], 'cr.pdf', { type: 'application/pdf', lastModified: 1 });
    expect(draftFingerprint(values(), [file], 'x@liaison.test')).not.toBe(a);
  });
});
