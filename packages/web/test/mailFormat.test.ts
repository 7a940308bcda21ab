import { describe, expect, it } from 'vitest';
import {
  ageOn,
  formatBytes,
  formatDay,
  formatListDate,
  formatNir,
  isoToTypedDay,
  nationalIdOf,
  patientName,
  previewLine,
  typedDayToIso,
} from '../src/pages/mail/mailFormat.ts';

describe('mail formats', () => {
  it('reads days typed the French way, and refuses impossible ones by keeping the text', () => {
    expect(typedDayToIso('23/07/1951')).toBe('1951-07-23');
    expect(typedDayToIso(' 3.7.1951 ')).toBe('1951-07-03');
    expect(typedDayToIso('23071951')).toBe('1951-07-23');
    expect(typedDayToIso('29/02/2023')).toBe('29/02/2023');
    expect(typedDayToIso('07/23/1951')).toBe('07/23/1951');
    expect(typedDayToIso('')).toBeNull();
    expect(isoToTypedDay('1951-07-23')).toBe('23/07/1951');
    expect(isoToTypedDay(null)).toBe('');
  });

  it('shows calendar days the same in every time zone', () => {
    expect(formatDay('1951-07-23', 'fr')).toBe('23/07/1951');
    expect(formatDay('1951-07-23', 'en')).toBe('23/07/1951');
    expect(formatDay('pas une date', 'fr')).toBe('pas une date');
  });

  it('counts age in whole years, birthday included', () => {
    const now = new Date(2026, 6, 23);
    expect(ageOn('1951-07-23', now)).toBe(75);
    expect(ageOn('1951-07-24', now)).toBe(74);
    expect(ageOn('2030-01-01', now)).toBeNull();
    expect(ageOn(null, now)).toBeNull();
  });

  it('groups a NIR as on a carte Vitale', () => {
    expect(formatNir('2510749038674 02')).toBe('2 51 07 49 038 674 02');
    expect(formatNir('1 84 12 2A 115 004 67')).toBe('1 84 12 2A 115 004 67');
    expect(formatNir('123')).toBe('123');
  });

  it('shows the time for today, the day this year, the whole date before', () => {
    const now = new Date(2026, 10, 29, 18, 0);
    expect(formatListDate(new Date(2026, 10, 29, 9, 5).toISOString(), 'fr', now)).toBe('09:05');
    expect(formatListDate(new Date(2026, 2, 12, 9, 5).toISOString(), 'fr', now)).toBe('12 mars');
    expect(formatListDate(new Date(2025, 2, 12, 9, 5).toISOString(), 'fr', now)).toBe('12/03/2025');
  });

  it('reads the national id of a certificate serialNumber', () => {
    expect(nationalIdOf('810101010101')).toEqual({ kind: 'rpps', id: '10101010101' });
    expect(nationalIdOf('0123456789')).toEqual({ kind: 'adeli', id: '123456789' });
    expect(nationalIdOf(null)).toBeNull();
    expect(nationalIdOf('X1')).toBeNull();
  });

  it('names patients the French way and sizes files in the reader’s units', () => {
    expect(patientName({ lastName: 'Le Gall', firstName: 'Annick' })).toBe('LE GALL Annick');
    expect(patientName({ lastName: null, firstName: 'Annick' })).toBe('Annick');
    // French puts a narrow no-break space between number and unit.
    expect(formatBytes(602, 'fr')).toBe('602\u202fo');
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
  });

  it('puts a preview on one line, past a salutation', () => {
    expect(previewLine('Cher confrère,\n\nVotre patiente va bien.\n')).toBe(
      'Cher confrère, Votre patiente va bien.',
    );
  });
});
