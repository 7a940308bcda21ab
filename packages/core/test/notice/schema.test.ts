import { describe, expect, it } from 'vitest';
import { PatientNotice, type PatientNoticeInput } from '../../src/notice/index.ts';
import { mulberry32, randomNir, randomPerson } from '../../src/synthetic/index.ts';

const person = randomPerson(mulberry32(8));

const valid: PatientNoticeInput = {
  kind: 'admission',
  patient: {
    lastName: person.surname,
    firstName: person.firstName,
    birthDate: person.birthDate,
    sex: person.sex,
  },
  at: '2026-12-06T10:40:00+01:00',
  service: 'Cardiologie',
  note: 'Entré par les urgences.',
};

function refused(change: (n: PatientNoticeInput) => unknown): string[] {
  const result = PatientNotice.safeParse(change(structuredClone(valid)));
  expect(result.success).toBe(false);
  return result.error?.issues.map((i) => i.path.join('.')) ?? [];
}

describe('PatientNotice', () => {
  it('accepts a complete notice and trims what people type', () => {
    const notice = PatientNotice.parse({
      ...valid,
      service: '  Cardiologie ',
      patient: { ...valid.patient, ipp: 'P-000123' },
    });
    expect(notice.service).toBe('Cardiologie');
    expect(notice.patient.ipp).toBe('P-000123');
  });

  it('refuses an unknown kind', () => {
    expect(refused((n) => ({ ...n, kind: 'birth' }))).toEqual(['kind']);
  });

  it('refuses a notice without the patient’s name', () => {
    expect(refused((n) => ({ ...n, patient: { ...n.patient, lastName: '   ' } }))).toEqual([
      'patient.lastName',
    ]);
    expect(refused((n) => ({ ...n, patient: { ...n.patient, firstName: undefined } }))).toEqual([
      'patient.firstName',
    ]);
  });

  it('refuses impossible or badly written dates', () => {
    expect(refused((n) => ({ ...n, patient: { ...n.patient, birthDate: '1950-02-30' } }))).toEqual([
      'patient.birthDate',
    ]);
    expect(refused((n) => ({ ...n, patient: { ...n.patient, birthDate: '03/02/1950' } }))).toEqual([
      'patient.birthDate',
    ]);
    expect(refused((n) => ({ ...n, at: '2026-12-06' }))).toEqual(['at']);
    expect(refused((n) => ({ ...n, at: '2026-12-06T10:40:00' }))).toEqual(['at']);
    expect(
      refused((n) => ({
        ...n,
        at: '1949-12-06T10:40:00Z',
        patient: { ...n.patient, birthDate: '1950-01-01' },
      })),
    ).toEqual(['at']);
  });

  it('never takes a NIR, not even as the IPP', () => {
    const nir = randomNir(mulberry32(3));
    expect(refused((n) => ({ ...n, patient: { ...n.patient, ipp: nir } }))).toEqual(['patient.ipp']);
    expect(refused((n) => ({ ...n, patient: { ...n.patient, ipp: nir.slice(0, 13) } }))).toEqual([
      'patient.ipp',
    ]);
    // The schema is strict: a NIR field is refused, not dropped silently.
    expect(refused((n) => ({ ...n, patient: { ...n.patient, nir } }))).toEqual(['patient']);
  });

  it('keeps a destination for transfers only, and bounds the note', () => {
    expect(PatientNotice.safeParse({ ...valid, kind: 'transfer', destination: 'CHU Sud' }).success).toBe(
      true,
    );
    expect(refused((n) => ({ ...n, destination: 'CHU Sud' }))).toEqual(['destination']);
    expect(refused((n) => ({ ...n, note: 'x'.repeat(601) }))).toEqual(['note']);
    expect(refused((n) => ({ ...n, service: 'Cardio\u0007' }))).toEqual(['service']);
  });
});
