import { describe, expect, it } from 'vitest';
import { buildFhirTask, timelineText } from '../../src/teleexpertise/fhirTask.ts';
import { EXPERT_RPPS, REQUESTER_RPPS, REQUEST_ID, requestSummary, timeline } from './teFixtures.ts';

describe('a request as a FHIR R4 Task', () => {
  it('says who asked whom, when, by when, and what happened', () => {
    const task = buildFhirTask({
      request: requestSummary(),
      timeline: timeline(),
      requesterRpps: REQUESTER_RPPS,
      assigneeRpps: EXPERT_RPPS,
    });
    expect(task).toMatchObject({
      resourceType: 'Task',
      id: REQUEST_ID,
      status: 'in-progress',
      intent: 'order',
      code: { coding: [{ code: 'teleexpertise', display: 'Télé-expertise' }] },
      description: 'Télé-expertise — Dermatologie (Hôpital Nord)',
      focus: { reference: `QuestionnaireResponse/${REQUEST_ID}-request` },
      input: [{ valueReference: { reference: `QuestionnaireResponse/${REQUEST_ID}-request` } }],
      requester: {
        type: 'Practitioner',
        identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: `8${REQUESTER_RPPS}` },
        display: 'Dr Anne Durand',
      },
      owner: {
        identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: `8${EXPERT_RPPS}` },
        display: 'Dr Luc Martin',
      },
      authoredOn: '2026-12-01T08:00:00.000Z',
      lastModified: '2026-12-01T11:30:00.000Z',
      restriction: { period: { end: '2026-12-03T08:00:00.000Z' } },
      executionPeriod: { start: '2026-12-01T09:00:00.000Z' },
    });
    expect(task.output).toBeUndefined();
    expect(task.note).toEqual([
      { time: '2026-12-01T08:00:00.000Z', authorString: 'Dr Anne Durand', text: 'Demande envoyée' },
      { time: '2026-12-01T08:00:01.000Z', authorString: 'Liaison', text: 'Attribuée à Dr Luc Martin' },
      { time: '2026-12-01T09:00:00.000Z', authorString: 'Dr Luc Martin', text: 'Acceptée' },
      {
        time: '2026-12-01T10:00:00.000Z',
        authorString: 'Dr Luc Martin',
        text: 'Informations complémentaires demandées',
      },
      {
        time: '2026-12-01T11:30:00.000Z',
        authorString: 'Dr Anne Durand',
        text: 'Informations complémentaires fournies',
      },
    ]);
  });

  it('points a completed Task at the answer, and carries no encrypted note', () => {
    const events = timeline().map((e, i) => (i === 3 ? { ...e, envelope: 'MIIBsecret' } : e));
    const task = buildFhirTask({
      request: requestSummary({ status: 'completed', answeredAt: '2026-12-02T14:00:00.000Z' }),
      timeline: events.reverse(),
    });
    expect(task.output).toEqual([
      {
        type: { text: 'Réponse' },
        valueReference: { reference: `QuestionnaireResponse/${REQUEST_ID}-answer`, display: 'Réponse' },
      },
    ]);
    expect(task.lastModified).toBe('2026-12-02T14:00:00.000Z');
    expect(task.executionPeriod).toEqual({
      start: '2026-12-01T09:00:00.000Z',
      end: '2026-12-02T14:00:00.000Z',
    });
    // Sorted by sequence whatever the order given; without RPPS, a name only.
    expect(task.note?.[0]?.text).toBe('Demande envoyée');
    expect(task.requester).toEqual({ type: 'Practitioner', display: 'Dr Anne Durand' });
    expect(JSON.stringify(task)).not.toContain('MIIBsecret');
  });

  it('has no owner nor execution period while queued', () => {
    const task = buildFhirTask({
      request: requestSummary({
        status: 'requested',
        assigneeUserId: null,
        assigneeName: null,
        firstAcceptedAt: null,
      }),
    });
    expect(task.owner).toBeUndefined();
    expect(task.executionPeriod).toBeUndefined();
    expect(task.note).toBeUndefined();
    expect(task.lastModified).toBe('2026-12-01T08:00:00.000Z');
  });

  it('words each timeline event', () => {
    expect(timelineText({ kind: 'skipped', expertName: 'Dr Luc Martin' })).toBe(
      'Non acceptée à temps par Dr Luc Martin, remise dans la file',
    );
    expect(timelineText({ kind: 'declined', expertName: null })).toBe('Déclinée par un expert');
  });
});
