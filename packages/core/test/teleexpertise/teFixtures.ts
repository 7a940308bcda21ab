import type { TeleexpertiseRequestSummary, TimelineEvent } from '../../src/api/teleexpertise.ts';
import { nirKey } from '../../src/ids/nir.ts';
import { DERMATOLOGY_CODES, DERMATOLOGY_FORM } from '../../src/teleexpertise/forms/index.ts';
import type { RequestContentInput } from '../../src/teleexpertise/requestContent.ts';
import { coding, jpegPhoto, responseTo } from './answers.ts';

/** A dermatology request as both devices see it: patient, question, answers, requester, routing. */

export const REQUEST_ID = '0b9a3c1e-5d7f-4e21-9c3a-7f1e2d4b6a80';
export const SERVICE_ID = '5f0e8d2a-3b1c-4a7e-8f6d-2c9b1a0e3d47';
export const REQUESTER_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
export const EXPERT_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
export const REQUESTER_RPPS = '10101010105';
export const EXPERT_RPPS = '10003456786';

const nirBody = '2500275115004';
/** A valid NIR (key computed), for a woman born February 1950. */
export const NIR = nirBody + nirKey(nirBody);

const derm = (code: string) => coding(DERMATOLOGY_CODES, code);

export const dermatologyResponse = () =>
  responseTo(DERMATOLOGY_FORM, {
    'lesion-site': [derm('trunk')],
    'lesion-size-mm': [{ valueDecimal: 6.5 }],
    'lesion-duration': [derm('1m-6m')],
    'lesion-evolution': [derm('growing')],
    photos: [jpegPhoto('close-up.jpg'), jpegPhoto('context.jpg')],
  });

export const requestContent = (): RequestContentInput => ({
  kind: 'teleexpertise-request',
  version: 1,
  patient: {
    lastName: 'Lefèvre',
    firstName: 'Hélène',
    birthDate: '1950-02-03',
    sex: 'F',
    nir: NIR,
    ipp: 'P-000042',
  },
  question: 'Lésion pigmentée du dos qui grandit : exérèse ou surveillance ?',
  response: dermatologyResponse(),
  requester: { name: 'Dr Anne Durand', rpps: REQUESTER_RPPS, address: 'anne.durand@liaison.test' },
});

export const requestSummary = (
  over: Partial<TeleexpertiseRequestSummary> = {},
): TeleexpertiseRequestSummary => ({
  id: REQUEST_ID,
  serviceId: SERVICE_ID,
  serviceName: 'Dermatologie',
  organisationName: 'Hôpital Nord',
  form: { url: DERMATOLOGY_FORM.url, version: DERMATOLOGY_FORM.version },
  status: 'in-progress',
  requesterUserId: REQUESTER_ID,
  requesterName: 'Dr Anne Durand',
  requesterAddress: 'anne.durand@liaison.test',
  assigneeUserId: EXPERT_ID,
  assigneeName: 'Dr Luc Martin',
  followsRequestId: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  dueAt: '2026-12-03T08:00:00.000Z',
  pausedSince: null,
  firstAcceptedAt: '2026-12-01T09:00:00.000Z',
  answeredAt: null,
  answerMessageId: null,
  ...over,
});

const event = (seq: number, at: string, kind: TimelineEvent['kind'], status: TimelineEvent['status']) => ({
  seq,
  at,
  kind,
  status,
  envelope: null,
});
const expert = { expertUserId: EXPERT_ID, expertName: 'Dr Luc Martin' };
const byExpert = { actorUserId: EXPERT_ID, actorName: 'Dr Luc Martin', ...expert };
const bySystem = { actorUserId: null, actorName: null, ...expert };
const byRequester = { actorUserId: REQUESTER_ID, actorName: 'Dr Anne Durand', ...expert };

export const timeline = (): TimelineEvent[] => [
  {
    ...event(1, '2026-12-01T08:00:00.000Z', 'created', 'requested'),
    ...byRequester,
    expertUserId: null,
    expertName: null,
  },
  { ...event(2, '2026-12-01T08:00:01.000Z', 'assigned', 'received'), ...bySystem },
  { ...event(3, '2026-12-01T09:00:00.000Z', 'accepted', 'accepted'), ...byExpert },
  { ...event(4, '2026-12-01T10:00:00.000Z', 'info-requested', 'on-hold'), ...byExpert },
  { ...event(5, '2026-12-01T11:30:00.000Z', 'info-provided', 'in-progress'), ...byRequester },
];
