import { describe, expect, it } from 'vitest';
import { nirKey } from '../../src/ids/nir.ts';
import { buildBillingCsv, type BillingLineInput } from '../../src/teleexpertise/billing.ts';
import { samePatient } from '../../src/teleexpertise/billingPatients.ts';
import { TePatient } from '../../src/teleexpertise/requestContent.ts';
import { EXPERT_ID, EXPERT_RPPS, NIR, REQUESTER_RPPS, SERVICE_ID } from './teFixtures.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const helene = TePatient.parse({
  lastName: 'Lefèvre',
  firstName: 'Hélène',
  birthDate: '1950-02-03',
  nir: NIR,
});

function entry(n: number, answeredAt: string, over: Partial<BillingLineInput> = {}): BillingLineInput {
  return {
    requestId: id(n),
    serviceId: SERVICE_ID,
    serviceName: 'Dermatologie',
    answeredAt,
    expertUserId: EXPERT_ID,
    expertName: 'Dr Luc Martin',
    expertRpps: EXPERT_RPPS,
    requesterName: 'Dr Anne Durand',
    requesterRpps: REQUESTER_RPPS,
    envelope: 'MIIB',
    patient: helene,
    ...over,
  };
}

const HEADER =
  'mois;date_reponse;acte;role;professionnel;rpps;patient_nom;patient_prenom;patient_naissance;patient_nir;service;demande;alerte';

describe('the monthly billing CSV', () => {
  it('writes two acts per answered request, in Paris months, quoted for a French spreadsheet', () => {
    const jo = TePatient.parse({
      lastName: 'Dupont; Martin',
      firstName: 'Jean "Jo"',
      birthDate: '1961-07-14',
    });
    const entries = [
      entry(2, '2026-12-15T10:00:00.000Z', {
        patient: jo,
        serviceName: 'Cardiologie',
        requesterName: '=Dr Bob Dupont',
        requesterRpps: null,
      }),
      // 00:30 on 1 December in Paris: a December act.
      entry(1, '2026-11-30T23:30:00.000Z'),
      // 23:30 on 30 November in Paris: a November act, not on December's export.
      entry(3, '2026-11-30T22:30:00.000Z'),
    ];
    const { csv, warnings } = buildBillingCsv({ month: '2026-12', entries, yearEntries: [] });
    expect(warnings).toEqual([]);
    expect(csv).toBe(
      '\uFEFF' +
        [
          HEADER,
          `2026-12;01/12/2026;TE2;requis;Dr Luc Martin;${EXPERT_RPPS};Lefèvre;Hélène;03/02/1950;${NIR};Dermatologie;${id(1)};`,
          `2026-12;01/12/2026;RQD;requérant;Dr Anne Durand;${REQUESTER_RPPS};Lefèvre;Hélène;03/02/1950;${NIR};Dermatologie;${id(1)};`,
          `2026-12;15/12/2026;TE2;requis;Dr Luc Martin;${EXPERT_RPPS};"Dupont; Martin";"Jean ""Jo""";14/07/1961;;Cardiologie;${id(2)};`,
          `2026-12;15/12/2026;RQD;requérant;'=Dr Bob Dupont;;"Dupont; Martin";"Jean ""Jo""";14/07/1961;;Cardiologie;${id(2)};`,
        ]
          .map((line) => line + '\r\n')
          .join(''),
    );
    const november = buildBillingCsv({ month: '2026-11', entries, yearEntries: [] }).csv.split('\r\n');
    expect(november.slice(1, -1).map((line) => line.split(';').slice(0, 3).join(';'))).toEqual([
      '2026-11;30/11/2026;TE2',
      '2026-11;30/11/2026;RQD',
    ]);
  });

  it('has only the header for a month without answers', () => {
    expect(buildBillingCsv({ month: '2026-12', entries: [], yearEntries: [] })).toEqual({
      csv: `\uFEFF${HEADER}\r\n`,
      warnings: [],
    });
  });

  it('flags the 5th tele-expertise for one patient within 12 months, not counting older ones', () => {
    const noNir = TePatient.parse({ lastName: 'LEFEVRE', firstName: 'helene', birthDate: '1950-02-03' });
    const otherNir = TePatient.parse({ ...helene, nir: `2500275115005${nirKey('2500275115005')}` });
    const year = [
      // A minute more than a year before the 4th: outside every window.
      entry(10, '2025-12-06T09:59:00.000Z'),
      entry(11, '2026-01-10T10:00:00.000Z'),
      // No NIR on this one: same name (accents and case aside) and birth date.
      entry(12, '2026-03-10T10:00:00.000Z', { patient: noNir }),
      entry(13, '2026-06-10T10:00:00.000Z', { expertName: 'Dr Paul Roux', expertUserId: id(99) }),
      // Same name, another NIR: someone else.
      entry(14, '2026-08-10T10:00:00.000Z', { patient: otherNir }),
    ];
    const fourth = entry(20, '2026-12-06T10:00:00.000Z');
    const fifth = entry(21, '2026-12-07T10:00:00.000Z');
    // The server's year list includes the month's own requests: counted once.
    const { csv, warnings } = buildBillingCsv({
      month: '2026-12',
      entries: [fifth, fourth],
      yearEntries: [...year, fourth, fifth],
    });
    const alerts = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => `${line.split(';')[2]} ${line.split(';')[11]} ${line.split(';')[12]}`);
    expect(alerts).toEqual([
      `TE2 ${id(20)} `,
      `RQD ${id(20)} `,
      `TE2 ${id(21)} 5 télé-expertises en 12 mois pour ce patient (plus de 4)`,
      `RQD ${id(21)} 5 télé-expertises en 12 mois pour ce patient (plus de 4)`,
    ]);
    expect(warnings).toEqual([
      {
        patient: 'LEFÈVRE Hélène, 03/02/1950',
        count: 5,
        requestIds: [id(11), id(12), id(13), id(20), id(21)],
      },
    ]);
  });

  it('tells patients apart by NIR when both have one, else by name and birth date', () => {
    const base = { lastName: 'Cœur-de-Lion', firstName: 'Anaïs', birthDate: '1980-05-01' };
    const a = TePatient.parse(base);
    expect(samePatient(a, TePatient.parse({ ...base, lastName: 'COEUR DE LION', firstName: 'anais' }))).toBe(
      true,
    );
    expect(samePatient(a, TePatient.parse({ ...base, birthDate: '1980-05-02' }))).toBe(false);
    expect(samePatient(a, TePatient.parse({ ...base, firstName: 'Anne' }))).toBe(false);
    expect(samePatient(helene, TePatient.parse({ ...base, nir: NIR }))).toBe(true);
  });
});
