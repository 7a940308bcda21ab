import type { StatsReport } from '@liaison/core/api/stats';

const figure = (current: number, previous: number) => ({ current, previous });

/** A platform report for May 2026 with round numbers, so changes and money read easily in assertions. */
export function platformReport(): StatsReport {
  return {
    scope: { kind: 'platform' },
    period: { from: '2026-05-01', to: '2026-05-31', days: 31 },
    previousPeriod: { from: '2026-03-31', to: '2026-04-30', days: 31 },
    activeUsers: figure(1250, 1000),
    usersByCategory: [
      { category: 'city', current: 500, previous: 400 },
      { category: 'hospital', current: 450, previous: 380 },
      { category: 'ehpad', current: 120, previous: 90 },
      { category: 'lab', current: 80, previous: 60 },
      { category: 'pharmacist', current: 50, previous: 40 },
      { category: 'midwife', current: 30, previous: 20 },
      { category: 'other', current: 20, previous: 10 },
    ],
    messagesExchanged: figure(900, 1200),
    establishments: {
      sent: figure(600, 500),
      received: figure(300, 250),
      distinctSenders: figure(80, 70),
      distinctCityRecipients: figure(210, 190),
      distinctCitySenders: figure(150, 140),
      distinctRecipients: figure(90, 85),
    },
    topEstablishments: [
      {
        id: '0b9c3a52-3f43-4a8e-9a7e-2f0c3c1d9e11',
        name: 'Centre hospitalier de Bretagne Sud',
        kind: 'hospital',
        sent: 400,
        postageSavedCents: 63_200,
      },
      {
        id: '1c9c3a52-3f43-4a8e-9a7e-2f0c3c1d9e12',
        name: 'Clinique des Augustines',
        kind: 'clinic',
        sent: 200,
        postageSavedCents: 31_600,
      },
    ],
    postage: {
      unitCostCents: 158,
      savedCents: figure(123_456, 0),
      topFiveAverage: { messages: 120, savedCents: 18_960 },
    },
    ehpad: {
      covered: figure(150, 140),
      beds: figure(12_000, 11_000),
      nationalCount: 7500,
      nationalBeds: 600_000,
      coveredShare: 0.02,
      bedsShare: 0.02,
    },
    interceptions: {
      total: figure(12, 12),
      held: figure(2, 1),
      released: figure(8, 9),
      rejected: figure(2, 2),
    },
    series: {
      granularity: 'day',
      points: [
        { start: '2026-05-01', messages: 30, previous: 40 },
        { start: '2026-05-02', messages: 25, previous: 38 },
      ],
    },
  };
}

/** The same figures as one establishment's own page sees them: no rankings, no top-5 average. */
export function establishmentReport(id: string, name: string): StatsReport {
  return {
    ...platformReport(),
    scope: { kind: 'establishment', id, name, orgKind: 'hospital' },
    topEstablishments: [],
    postage: {
      unitCostCents: 158,
      savedCents: { current: 63_200, previous: 50_000 },
      topFiveAverage: { messages: 0, savedCents: 0 },
    },
  };
}
