import { Availability } from '@liaison/core/api/teleexpertise';
import { DERMATOLOGY_FORM } from '@liaison/core/teleexpertise/forms/index';
import { importQuestionnaire } from '@liaison/core/teleexpertise/questionnaire';
import type { RequestContent } from '@liaison/core/teleexpertise/requestContent';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.ts';
import { importProblem } from '../src/pages/teleexpertise/admin/importErrors.ts';
import {
  absenceProblem,
  draftIsValid,
  fromLocalInput,
  slotProblem,
  toAvailability,
  toLocalInput,
  type AvailabilityDraft,
} from '../src/pages/teleexpertise/expert/availability/availabilityDraft.ts';
import { monthOf, previousMonth, recentMonths } from '../src/pages/teleexpertise/expert/billing/months.ts';
import { durationParts, requestTiming } from '../src/pages/teleexpertise/expert/queue/queueTiming.ts';
import { readForm, requestFindings } from '../src/pages/teleexpertise/expert/request/requestFindings.ts';

describe('availability editor rules', () => {
  it('refuses a slot that ends before it starts, or a time that is not HH:MM', () => {
    expect(slotProblem({ start: '08:00', end: '12:00' })).toBeNull();
    expect(slotProblem({ start: '14:00', end: '24:00' })).toBeNull();
    expect(slotProblem({ start: '12:00', end: '08:00' })).toBe('order');
    expect(slotProblem({ start: '12:00', end: '12:00' })).toBe('order');
    expect(slotProblem({ start: '8:00', end: '12:00' })).toBe('format');
  });

  it('refuses an absence without both ends or ending before it starts', () => {
    expect(absenceProblem({ from: '2026-12-24T08:00', to: '2027-01-02T08:00' })).toBeNull();
    expect(absenceProblem({ from: '2026-12-24T08:00', to: '' })).toBe('missing');
    expect(absenceProblem({ from: '2027-01-02T08:00', to: '2026-12-24T08:00' })).toBe('order');
  });

  it('sends what the server contract accepts, slots sorted by day then start', () => {
    const draft: AvailabilityDraft = {
      capacity: 3,
      slots: [
        { key: 'a', weekday: 3, start: '14:00', end: '18:00' },
        { key: 'b', weekday: 1, start: '08:00', end: '12:00' },
        { key: 'c', weekday: 3, start: '08:00', end: '12:00' },
      ],
      absences: [{ key: 'd', from: '2026-12-24T08:00', to: '2027-01-02T08:00', label: '  Congés ' }],
    };
    expect(draftIsValid(draft)).toBe(true);
    const body = Availability.parse(toAvailability(draft));
    expect(body.slots.map((s) => `${s.weekday} ${s.start}`)).toEqual(['1 08:00', '3 08:00', '3 14:00']);
    expect(body.absences[0]?.label).toBe('Congés');
    expect(Date.parse(body.absences[0]!.from)).toBe(new Date('2026-12-24T08:00').getTime());
  });

  it('keeps the edited draft from being saved while anything is wrong', () => {
    const base: AvailabilityDraft = { capacity: 2, slots: [], absences: [] };
    expect(draftIsValid({ ...base, capacity: 101 })).toBe(false);
    expect(draftIsValid({ ...base, slots: [{ key: 'x', weekday: 2, start: '18:00', end: '09:00' }] })).toBe(
      false,
    );
  });

  it('shows a saved absence in the input it was typed in', () => {
    const iso = fromLocalInput('2026-12-24T08:30');
    expect(iso).not.toBeNull();
    expect(toLocalInput(iso!)).toBe('2026-12-24T08:30');
    expect(fromLocalInput('')).toBeNull();
  });
});

describe('queue timing', () => {
  const created = '2026-12-01T00:00:00.000Z';
  const due = '2026-12-03T00:00:00.000Z'; // 48 h
  const at = (hours: number) => Date.parse(created) + hours * 3_600_000;
  const request = { createdAt: created, dueAt: due, pausedSince: null, status: 'accepted' as const };

  it('turns late at 75 % of the answer time and overdue past the deadline', () => {
    expect(requestTiming(request, at(35)).tone).toBe('ok');
    expect(requestTiming(request, at(36)).tone).toBe('late');
    expect(requestTiming(request, at(48)).tone).toBe('overdue');
    expect(requestTiming(request, at(5)).waitingMinutes).toBe(300);
  });

  it('stops the clock while the request is on hold', () => {
    const paused = { ...request, status: 'on-hold' as const, pausedSince: new Date(at(10)).toISOString() };
    expect(requestTiming(paused, at(47)).tone).toBe('ok');
  });

  it('says nothing about deadlines of finished requests', () => {
    expect(requestTiming({ ...request, status: 'completed' }, at(100)).tone).toBe('done');
  });

  it('splits a wait into days, hours and minutes', () => {
    expect(durationParts(3 * 1440 + 125)).toEqual({ days: 3, hours: 2, minutes: 5 });
  });
});

describe('request checks on the expert’s device', () => {
  const content: RequestContent = {
    kind: 'teleexpertise-request',
    version: 1,
    patient: { lastName: 'Durand', firstName: 'Anne', birthDate: '1950-02-03' },
    question: 'Lésion suspecte ?',
    response: {
      resourceType: 'QuestionnaireResponse',
      questionnaire: `${DERMATOLOGY_FORM.url}|${DERMATOLOGY_FORM.version}`,
      status: 'completed',
      item: [],
    },
    requester: { name: 'Dr Martin', address: 'martin@example.org' },
  };

  it('flags the answers that do not fit the form, such as missing photos', () => {
    const findings = requestFindings({ requesterAddress: 'martin@example.org' }, content, DERMATOLOGY_FORM);
    const photos = findings.find((f) => f.kind === 'answer' && f.finding.linkId === 'photos');
    expect(photos).toMatchObject({ kind: 'answer', finding: { code: 'REQUIRED_MISSING' } });
    expect(findings.some((f) => f.kind === 'requester-mismatch')).toBe(false);
  });

  it('flags a requester inside the envelope who is not the one the request came from', () => {
    const findings = requestFindings({ requesterAddress: 'someone@example.org' }, content, DERMATOLOGY_FORM);
    expect(findings).toContainEqual({
      kind: 'requester-mismatch',
      inEnvelope: 'martin@example.org',
      routed: 'someone@example.org',
    });
  });

  it('says so when the form is unknown rather than passing the answers unchecked', () => {
    expect(requestFindings({ requesterAddress: 'martin@example.org' }, content, null)).toEqual([
      { kind: 'form-missing' },
    ]);
    expect(readForm({ resourceType: 'Questionnaire' })).toBeNull();
    expect(readForm(DERMATOLOGY_FORM as unknown as Record<string, unknown>)?.url).toBe(DERMATOLOGY_FORM.url);
  });
});

describe('form import errors', () => {
  const withItem = (item: Record<string, unknown>) => ({
    resourceType: 'Questionnaire',
    url: 'https://example.org/q',
    version: '1',
    status: 'active',
    item: [item],
  });

  it('names the item and the path of a form refused on this device', () => {
    let error: unknown;
    try {
      importQuestionnaire(withItem({ linkId: 'when', type: 'dateTime', text: 'Quand ?' }));
    } catch (caught) {
      error = caught;
    }
    expect(importProblem(error)).toMatchObject({ code: 'QUESTIONNAIRE_UNSUPPORTED', linkId: 'when' });
    expect(importProblem(error)?.path).toContain('item[0]');
  });

  it('reads the item and path from the server’s error details', () => {
    const error = new ApiError(422, 'QUESTIONNAIRE_INVALID', 'duplicate linkId', {
      linkId: 'site',
      path: 'item[2].linkId',
    });
    expect(importProblem(error)).toEqual({
      code: 'QUESTIONNAIRE_INVALID',
      linkId: 'site',
      path: 'item[2].linkId',
      message: 'duplicate linkId',
    });
    expect(importProblem(new ApiError(403, 'FORBIDDEN', 'no'))).toBeNull();
  });

  it('says when the pasted text is not JSON at all', () => {
    let error: unknown;
    try {
      JSON.parse('{ not json');
    } catch (caught) {
      error = caught;
    }
    expect(importProblem(error)?.code).toBe('NOT_JSON');
  });
});

describe('billing months', () => {
  it('defaults to the previous month, across a year boundary', () => {
    expect(previousMonth(new Date(2027, 0, 15))).toBe('2026-12');
    expect(monthOf(new Date(2026, 10, 30))).toBe('2026-11');
  });

  it('offers the last two years, newest first', () => {
    const months = recentMonths(new Date(2026, 11, 7));
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2026-12');
    expect(months[23]).toBe('2025-01');
  });
});
