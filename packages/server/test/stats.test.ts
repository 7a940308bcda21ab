import type { StatsReport } from '@liaison/core/api/stats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { startInstance, type TestInstance } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { loadStatsFixture, type StatsFixture } from './support/statsFixture.ts';

/**
 * Every figure of the platform report and of Alpha Hospital's page on the fixed dataset of
 * support/statsFixture.ts, counted by hand. Current period 2026-02-01..28, previous 2026-01-04..31.
 *
 * Counted messages (held M7 and rejected M8 are not; released P4 and M9 are, on their submission day):
 *   previous: P1 Alpha→practice, P2 practice→Alpha, P3 Gamma→pharmacy, P4 Beta→practice+pharmacy+midwife,
 *             P5 pharmacy→free pharmacist;
 *   current:  M1 Alpha→practice, M2 practice→Alpha cardiology (2 members), M3 Beta→Alpha (2 mailboxes),
 *             M4 Gamma→Beta, M5 EHPAD→pharmacy+midwife, M6 lab→Alpha+free pharmacist,
 *             M9 Gamma→practice+pharmacy+nurse, M10 Alpha→Beta, M11 midwife→Alpha, M13 Beta→lab,
 *             M12 Alpha cardiology→Alpha (within Alpha).
 * X1 (2026-01-03) and X2 (2026-03-01) fall just outside both periods.
 */

/** A day series of 28 buckets: zeros except the given positions (day index: [messages, previous]). */
function dayPoints(from: string, nonZero: Record<number, [number, number]>) {
  return Array.from({ length: 28 }, (_, i) => {
    const start = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const [messages, previous] = nonZero[i] ?? [0, 0];
    return { start, messages, previous };
  });
}

const ZERO = { current: 0, previous: 0 };

for (const backend of testBackends()) {
  describe(`statistics figures on ${backend.name}`, () => {
    let t: TestInstance;
    let ids: StatsFixture;
    const period = { from: '2026-02-01', to: '2026-02-28' };

    beforeAll(async () => {
      // National totals small enough for shares to be read at a glance.
      t = await startInstance(backend, {
        env: { LIAISON_NATIONAL_EHPAD: '10', LIAISON_NATIONAL_EHPAD_BEDS: '400' },
      });
      ids = await loadStatsFixture(t.ctx.db);
    });
    afterAll(async () => t.close());

    const periods = {
      period: { from: '2026-02-01', to: '2026-02-28', days: 28 },
      // 28 days ending the day before 2026-02-01.
      previousPeriod: { from: '2026-01-04', to: '2026-01-31', days: 28 },
    };
    // Delta (80 beds, 2025) and Zeta (no bed count: 0, 2026-01-15) before 2026-02-01; Epsilon (120 beds)
    // on 2026-02-28 at 23:59:59, inside the current period; Eta on 2026-03-01 is after it.
    const ehpad = {
      covered: { current: 3, previous: 2 },
      beds: { current: 200, previous: 80 },
      nationalCount: 10,
      nationalBeds: 400,
      coveredShare: 0.3, // 3 / 10
      bedsShare: 0.5, // 200 / 400
    };

    it('gives the platform figures', async () => {
      const report = await t.ctx.stats.report(CONSOLE_ACTOR, period);
      const expected: StatsReport = {
        scope: { kind: 'platform' },
        ...periods,
        // Current: hdoc1 hdoc2 hsec bdoc cdoc, gp, enurse, biologist, pharmacist freePharmacist, midwife,
        // nurse (bidle never wrote nor received). Previous: hdoc1 cdoc bdoc, gp, pharmacist
        // freePharmacist, midwife.
        activeUsers: { current: 12, previous: 7 },
        usersByCategory: [
          { category: 'city', current: 1, previous: 1 }, // gp (practice, physician)
          { category: 'hospital', current: 5, previous: 3 }, // Alpha ×3, Beta, Gamma / hdoc1, bdoc, cdoc
          { category: 'ehpad', current: 1, previous: 0 }, // enurse
          { category: 'lab', current: 1, previous: 0 }, // biologist (pharmacist by profession, in a lab)
          { category: 'pharmacist', current: 2, previous: 2 }, // pharmacy's and the one without organisation
          { category: 'midwife', current: 1, previous: 1 },
          { category: 'other', current: 1, previous: 0 }, // the nurse without organisation (M9)
        ],
        // 11 counted in February (M1–M6, M9–M13), 5 in January (P1–P5).
        messagesExchanged: { current: 11, previous: 5 },
        establishments: {
          // Alpha M1 M10 M12, Beta M3 M13, Gamma M4 M9 / Alpha P1, Gamma P3, Beta P4.
          sent: { current: 7, previous: 3 },
          // Alpha M2 M3 (once) M6 M11 M12, Beta M4 M10 / Alpha P2.
          received: { current: 7, previous: 1 },
          // hdoc1, hdoc2, hsec, bdoc, cdoc / hdoc1, cdoc, bdoc.
          distinctSenders: { current: 5, previous: 3 },
          // gp (M1, M9), pharmacist and nurse (M9), biologist (M13) / gp, pharmacist, midwife (P1, P3, P4).
          distinctCityRecipients: { current: 4, previous: 3 },
          // gp (M2), biologist (M6), midwife (M11); not enurse (M5 went to the city) / gp (P2).
          distinctCitySenders: { current: 3, previous: 1 },
          // hdoc1 and hsec (M2 to the cardiology mailbox), hdoc2 (M3, M6), bdoc (M4, M10) / hdoc1 (P2).
          distinctRecipients: { current: 4, previous: 1 },
        },
        // Beta and Gamma tie at 2: by name.
        topEstablishments: [
          {
            id: ids.organisations.alpha,
            name: 'Alpha Hospital',
            kind: 'hospital',
            sent: 3,
            postageSavedCents: 285,
          },
          {
            id: ids.organisations.beta,
            name: 'Beta Hospital',
            kind: 'hospital',
            sent: 2,
            postageSavedCents: 190,
          },
          {
            id: ids.organisations.gamma,
            name: 'Gamma Clinic',
            kind: 'clinic',
            sent: 2,
            postageSavedCents: 190,
          },
        ],
        postage: {
          unitCostCents: 95,
          savedCents: { current: 1045, previous: 475 }, // 11 × 95, 5 × 95
          // Only three establishments sent: (3 + 2 + 2) / 3 messages; 7/3 × 95 = 221.67 → 222 cents.
          topFiveAverage: { messages: 7 / 3, savedCents: 222 },
        },
        ehpad,
        // Held M7 (02-10), rejected M8 (02-11), released M9 (02-12) / released P4 (held 01-25).
        interceptions: {
          total: { current: 3, previous: 1 },
          held: { current: 1, previous: 0 },
          released: { current: 1, previous: 1 },
          rejected: { current: 1, previous: 0 },
        },
        series: {
          granularity: 'day',
          points: dayPoints('2026-02-01', {
            1: [2, 2], // 02-02 M1 M2 / 01-05 P1 P2
            2: [1, 0], // 02-03 M3
            4: [2, 0], // 02-05 M4 M5
            8: [1, 0], // 02-09 M6
            11: [2, 0], // 02-12 M9 (released the next day) M10
            16: [0, 1], // 01-20 P3
            19: [1, 0], // 02-20 M11 (23:59:59 UTC)
            21: [0, 1], // 01-25 P4 (released in February, counted on its day)
            24: [1, 0], // 02-25 M13
            27: [1, 1], // 02-28 M12 / 01-31 P5
          }),
        },
      };
      expect(report).toEqual(expected);
    });

    it("gives an establishment's own figures", async () => {
      const report = await t.ctx.stats.report(CONSOLE_ACTOR, {
        ...period,
        establishment: ids.organisations.alpha,
      });
      const expected: StatsReport = {
        scope: {
          kind: 'establishment',
          id: ids.organisations.alpha,
          name: 'Alpha Hospital',
          orgKind: 'hospital',
        },
        ...periods,
        // Its staff: hdoc1, hdoc2, hsec / hdoc1.
        activeUsers: { current: 3, previous: 1 },
        usersByCategory: [
          { category: 'city', ...ZERO },
          { category: 'hospital', current: 3, previous: 1 },
          { category: 'ehpad', ...ZERO },
          { category: 'lab', ...ZERO },
          { category: 'pharmacist', ...ZERO },
          { category: 'midwife', ...ZERO },
          { category: 'other', ...ZERO },
        ],
        // Sent M1 M10 M12, received M2 M3 M6 M11 M12: M12 once → 7 / P1, P2.
        messagesExchanged: { current: 7, previous: 2 },
        establishments: {
          sent: { current: 3, previous: 1 },
          received: { current: 5, previous: 1 },
          distinctSenders: { current: 3, previous: 1 }, // hdoc1 (M1), hdoc2 (M10), hsec (M12) / hdoc1
          distinctCityRecipients: { current: 1, previous: 1 }, // gp (M1) / gp (P1)
          distinctCitySenders: { current: 3, previous: 1 }, // gp, biologist, midwife; not bdoc (Beta) / gp
          distinctRecipients: { current: 3, previous: 1 }, // hdoc1, hsec, hdoc2 / hdoc1
        },
        topEstablishments: [],
        postage: {
          unitCostCents: 95,
          savedCents: { current: 665, previous: 190 }, // 7 × 95, 2 × 95
          topFiveAverage: { messages: 0, savedCents: 0 },
        },
        ehpad, // the platform's coverage on every page
        // M7, held, was sent from hdoc1's mailbox; the others were not Alpha's.
        interceptions: {
          total: { current: 1, previous: 0 },
          held: { current: 1, previous: 0 },
          released: ZERO,
          rejected: ZERO,
        },
        series: {
          granularity: 'day',
          points: dayPoints('2026-02-01', {
            1: [2, 2], // M1 M2 / P1 P2
            2: [1, 0], // M3
            8: [1, 0], // M6
            11: [1, 0], // M10
            19: [1, 0], // M11
            27: [1, 0], // M12, counted once
          }),
        },
      };
      expect(report).toEqual(expected);
    });

    it('cuts a 90-day period into 7-day buckets from its first day, the previous one aligned', async () => {
      const report = await t.ctx.stats.report(CONSOLE_ACTOR, { from: '2026-02-01', to: '2026-05-01' });
      // 90 days (28 + 31 + 30 + 1); the previous period is the 90 days ending 2026-01-31.
      expect(report.previousPeriod).toEqual({ from: '2025-11-03', to: '2026-01-31', days: 90 });
      expect(report.series).toEqual({
        granularity: 'week',
        points: [
          { start: '2026-02-01', messages: 5, previous: 0 }, // M1–M5
          { start: '2026-02-08', messages: 3, previous: 0 }, // M6 M9 M10
          { start: '2026-02-15', messages: 1, previous: 0 }, // M11
          { start: '2026-02-22', messages: 2, previous: 0 }, // M13 M12
          { start: '2026-03-01', messages: 1, previous: 0 }, // X2
          { start: '2026-03-08', messages: 0, previous: 0 },
          { start: '2026-03-15', messages: 0, previous: 0 },
          { start: '2026-03-22', messages: 0, previous: 0 },
          // Previous buckets start 2025-11-03 + 7k: the 9th (12-29..01-04) holds X1 (01-03).
          { start: '2026-03-29', messages: 0, previous: 1 },
          { start: '2026-04-05', messages: 0, previous: 2 }, // 01-05..01-11: P1 P2
          { start: '2026-04-12', messages: 0, previous: 0 },
          { start: '2026-04-19', messages: 0, previous: 2 }, // 01-19..01-25: P3 P4
          { start: '2026-04-26', messages: 0, previous: 1 }, // 01-26..02-01 cut at 01-31: P5
        ],
      });
      expect(report.messagesExchanged).toEqual({ current: 12, previous: 6 });
    });

    it('cuts a period longer than a year into calendar months, the first and last partial', async () => {
      const report = await t.ctx.stats.report(CONSOLE_ACTOR, { from: '2025-02-15', to: '2026-02-20' });
      // 365 days to 2026-02-14, then 6 more.
      expect(report.period.days).toBe(371);
      expect(report.previousPeriod).toEqual({ from: '2024-02-10', to: '2025-02-14', days: 371 });
      const months = [
        '2025-02-15',
        ...['03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}-01`),
        '2026-01-01',
        '2026-02-01',
      ];
      expect(report.series).toEqual({
        granularity: 'month',
        points: months.map((start) => ({
          start,
          // January: X1 P1–P5; February up to the 20th: M1–M6, M9–M11.
          messages: start === '2026-01-01' ? 6 : start === '2026-02-01' ? 9 : 0,
          previous: 0,
        })),
      });
    });

    it('counts nothing for a period without messages', async () => {
      const report = await t.ctx.stats.report(CONSOLE_ACTOR, { from: '2020-01-01', to: '2020-01-31' });
      expect(report.messagesExchanged).toEqual(ZERO);
      expect(report.activeUsers).toEqual(ZERO);
      expect(report.topEstablishments).toEqual([]);
      expect(report.postage.topFiveAverage).toEqual({ messages: 0, savedCents: 0 });
      expect(report.ehpad.covered).toEqual(ZERO);
      expect(report.series.points.every((p) => p.messages === 0 && p.previous === 0)).toBe(true);
    });
  });
}
