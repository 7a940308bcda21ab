import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  checkValues,
  emptyValues,
  valuesFrom,
} from '../src/pages/directory/admin/entries/entryFormValues.ts';
import { accentInsensitiveFilter, placeLine, problemMessage } from '../src/pages/directory/labels.ts';

// A stand-in for i18next that shows which key was asked for.
const t = ((key: string) => key) as unknown as TFunction;

describe('directory entry form', () => {
  const doctor = {
    ...emptyValues(),
    lastName: ' Lefèvre ',
    firstName: 'Hélène',
    specialty: 'sm04',
    nationalId: '9900 4642 064',
    departement: '5',
    mailboxes: [{ address: 'Helene.Lefevre@CH-Cornouaille.fr', kind: 'PER' as const }],
  };

  it('normalises what the server would store, with the same rules', () => {
    const { fields, problems } = checkValues(doctor);
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      lastName: 'Lefèvre',
      specialty: 'SM04',
      nationalIdKind: 'rpps',
      nationalId: '99004642064',
      departement: '05',
      mailboxes: [{ address: 'helene.lefevre@ch-cornouaille.fr', kind: 'PER' }],
    });
    expect(checkValues(valuesFrom(fields!)).fields).toEqual(fields);
  });

  it('points at each field, with a sentence chosen by code and field', () => {
    const { problems } = checkValues({
      ...doctor,
      lastName: '',
      specialty: null,
      mailboxes: [{ address: 'no-reply@ch-cornouaille.fr', kind: 'PER' }],
    });
    const byField = Object.fromEntries(problems.map((p) => [p.field, problemMessage(t, p)]));
    expect(byField).toMatchObject({
      lastName: 'directory.problems.REQUIRED.lastName',
      specialty: 'directory.problems.REQUIRED.specialty',
      'mailboxes.0.address': 'directory.problems.NO_REPLY_FORBIDDEN',
    });
    expect(problemMessage(t, { field: 'x', code: 'SOMETHING_NEW', message: 'Server text.' })).toBe(
      'Server text.',
    );
  });
});

describe('directory labels', () => {
  it('filters select options without accents, word by word, keeping groups', () => {
    const options = [
      {
        group: 'Médecine',
        items: [
          { value: 'SM40', label: 'Pédiatrie' },
          { value: 'SM54', label: 'Médecine générale' },
        ],
      },
      { value: 'SM04', label: 'Cardiologie et Maladies vasculaires' },
    ];
    expect(accentInsensitiveFilter({ options, search: 'pediat', limit: 50 })).toEqual([
      { group: 'Médecine', items: [{ value: 'SM40', label: 'Pédiatrie' }] },
    ]);
    expect(accentInsensitiveFilter({ options, search: 'vasc cardio', limit: 50 })).toEqual([options[1]]);
  });

  it('says where an entry works', () => {
    const entry = {
      organisationName: 'CH Cornouaille',
      organisationCity: null,
      fields: { departement: '29' },
    };
    expect(placeLine(entry)).toBe('CH Cornouaille (29)');
    expect(placeLine({ ...entry, organisationCity: 'Quimper' })).toBe('CH Cornouaille · Quimper (29)');
  });
});
