import type { Me } from '@liaison/core/api/index';
import { StatsReport } from '@liaison/core/api/stats';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchStats, statsCsvUrl, statsKeys } from '../src/api/stats.ts';
import { defaultPeriod, matchingPreset, periodProblem, presetPeriod } from '../src/pages/stats/period.ts';
import { figureChange, formatChange, formatEuros } from '../src/pages/stats/statsFormat.ts';
import { hospitalDoctor } from './support/me.ts';
import { plainSpaces, renderApp, stubFetch, testQueryClient } from './support/renderApp.ts';
import { establishmentReport, platformReport } from './support/statsReport.ts';

const ORGANISATION = '5d1c0a3e-8f2b-4c6d-9e7a-1b2c3d4e5f60';
const platformAdmin: Me = { ...hospitalDoctor, roles: [{ role: 'platform_admin', organisationId: null }] };
const establishmentAdmin: Me = {
  ...hospitalDoctor,
  roles: [{ role: 'establishment_admin', organisationId: ORGANISATION }],
};
const may = { from: '2026-05-01', to: '2026-05-31' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('statistics period', () => {
  // A local date: presets follow the person's own calendar.
  const now = new Date(2026, 5, 15, 10, 0);

  it('offers the last 30 days by default, and the month, the year and last year', () => {
    expect(defaultPeriod(now)).toEqual({ from: '2026-05-17', to: '2026-06-15' });
    expect(presetPeriod('thisMonth', now)).toEqual({ from: '2026-06-01', to: '2026-06-15' });
    expect(presetPeriod('thisYear', now)).toEqual({ from: '2026-01-01', to: '2026-06-15' });
    expect(presetPeriod('lastYear', now)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(matchingPreset({ from: '2025-01-01', to: '2025-12-31' }, now)).toBe('lastYear');
    expect(matchingPreset(may, now)).toBeNull();
  });

  it('refuses, with the server codes, an end before the start, a non-date and more than three years', () => {
    expect(periodProblem(may)).toBeNull();
    expect(periodProblem({ from: '2026-05-01', to: '2026-05-01' })).toBeNull();
    expect(periodProblem({ from: '2026-06-10', to: '2026-06-01' })).toBe('STATS_PERIOD_INVALID');
    expect(periodProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('STATS_PERIOD_INVALID');
    expect(periodProblem({ from: '', to: '2026-03-01' })).toBe('STATS_PERIOD_INVALID');
    // 1096 days is the most one report covers: 2024-01-01 … 2026-12-31 (2024 is a leap year).
    expect(periodProblem({ from: '2024-01-01', to: '2026-12-31' })).toBeNull();
    expect(periodProblem({ from: '2023-12-31', to: '2026-12-31' })).toBe('STATS_PERIOD_TOO_LONG');
  });
});

describe('statistics figures in words', () => {
  it('formats euros from cents the French way', () => {
    expect(plainSpaces(formatEuros(123_456, 'fr'))).toBe('1 234,56 €');
    expect(plainSpaces(formatEuros(158, 'fr'))).toBe('1,58 €');
    expect(formatEuros(123_456, 'en')).toBe('€1,234.56');
  });

  it('gives the change in % with its direction, and no change when the previous period had nothing', () => {
    expect(figureChange({ current: 1250, previous: 1000 })).toEqual({ trend: 'up', ratio: 0.25 });
    expect(plainSpaces(formatChange(figureChange({ current: 1250, previous: 1000 }), 'fr'))).toBe('+25 %');
    expect(plainSpaces(formatChange(figureChange({ current: 900, previous: 1200 }), 'fr'))).toBe('-25 %');
    expect(figureChange({ current: 5, previous: 0 })).toEqual({ trend: 'none', ratio: null });
    expect(formatChange(figureChange({ current: 5, previous: 0 }), 'fr')).toBe('—');
    expect(figureChange({ current: 12, previous: 12 }).trend).toBe('stable');
  });

  it('exports the same period as the report, and an establishment’s own figures', () => {
    expect(statsCsvUrl(may)).toBe('/api/stats/export.csv?from=2026-05-01&to=2026-05-31');
    expect(statsCsvUrl({ ...may, establishment: ORGANISATION })).toBe(
      `/api/stats/export.csv?from=2026-05-01&to=2026-05-31&establishment=${ORGANISATION}`,
    );
  });
});

describe('statistics dashboard', () => {
  it('shows the key figures with their change, euros, the charts and the CSV link for the period', async () => {
    expect(StatsReport.safeParse(platformReport()).success).toBe(true);
    const calls = stubFetch({ '/api/stats?from=2026-05-01&to=2026-05-31': { json: platformReport() } });
    const client = testQueryClient();
    client.setQueryData(['me'], platformAdmin);
    await client.fetchQuery({ queryKey: statsKeys.report(may), queryFn: () => fetchStats(may) });
    expect(calls.map((call) => call.url)).toEqual(['/api/stats?from=2026-05-01&to=2026-05-31']);

    const html = plainSpaces(await renderApp('/stats?from=2026-05-01&to=2026-05-31', client));
    // The period controls, labelled as the end-to-end test finds them.
    expect(html).toMatch(/<label[^>]*>Du/);
    expect(html).toMatch(/<label[^>]*>Au/);
    expect(html).toContain('value="2026-05-01"');
    expect(html).toContain('value="2026-05-31"');
    expect(html).toContain('Afficher');
    // KPIs, each with the previous value and the change.
    expect(html).toMatch(/data-testid="kpi-activeUsers".*?1 250.*?\+25 %.*?Période précédente : 1 000/s);
    expect(html).toMatch(/data-testid="kpi-messages".*?900.*?-25 %/s);
    expect(html).toContain('Économies d&#x27;affranchissement');
    expect(html).toMatch(
      /data-testid="kpi-postage".*?1 234,56 €.*?aucune comparaison possible.*?Période précédente : 0,00 €/s,
    );
    expect(html).toMatch(/data-testid="kpi-interceptions".*?12.*?0 %/s);
    // The CSV export covers the same period.
    expect(html).toContain('href="/api/stats/export.csv?from=2026-05-01&amp;to=2026-05-31"');
    expect(html).toContain('Exporter en CSV');
    // Charts have a heading and a text alternative; categories in French.
    expect(html).toContain('Messages échangés au fil de la période');
    expect(html).toMatch(
      /role="img" aria-label="55 messages sur la période \(période précédente : 78\), par jour : de 25 à 30 messages/,
    );
    expect(html).toContain('Les 10 établissements qui envoient le plus');
    expect(html).toContain('Centre hospitalier de Bretagne Sud');
    expect(html).toMatch(/aria-label="Utilisateurs actifs par catégorie[^"]*Ville 500 \(400\), Hôpital 450/);
    expect(html).toContain('Sage-femme');
    expect(html).toContain('Moyenne des 5 établissements qui envoient le plus');
    expect(html).toContain('150 sur 7 500 EHPAD en France');
  });

  it('explains an impossible period with the server’s sentence, and asks nothing', async () => {
    const calls = stubFetch({});
    const client = testQueryClient();
    client.setQueryData(['me'], platformAdmin);
    const html = plainSpaces(await renderApp('/stats?from=2026-06-10&to=2026-06-01', client));
    expect(html).toContain('data-testid="stats-period-error"');
    expect(html).toContain('La période n’est pas valide');
    expect(html).not.toContain('data-testid="stats-dashboard"');
    expect(html).not.toContain('export.csv');
    expect(calls).toEqual([]);
  });

  it('shows one establishment’s own figures to its admin, without the rankings', async () => {
    const query = { ...may, establishment: ORGANISATION };
    const path = `/api/stats?from=2026-05-01&to=2026-05-31&establishment=${ORGANISATION}`;
    stubFetch({ [path]: { json: establishmentReport(ORGANISATION, 'EHPAD Les Tilleuls') } });
    const client = testQueryClient();
    client.setQueryData(['me'], establishmentAdmin);
    await client.fetchQuery({ queryKey: statsKeys.report(query), queryFn: () => fetchStats(query) });

    const html = plainSpaces(
      await renderApp(`/establishments/${ORGANISATION}/stats?from=2026-05-01&to=2026-05-31`, client),
    );
    expect(html).toContain('Statistiques : EHPAD Les Tilleuls');
    expect(html).toContain('data-scope="establishment"');
    expect(html).not.toContain('Les 10 établissements qui envoient le plus');
    expect(html).not.toContain('Moyenne des 5 établissements');
    expect(html).toContain(`export.csv?from=2026-05-01&amp;to=2026-05-31&amp;establishment=${ORGANISATION}`);
    // Their navigation offers their establishment's statistics.
    expect(html).toContain('Statistiques de mon établissement');
  });

  it('keeps the platform figures from an establishment admin', async () => {
    stubFetch({});
    const client = testQueryClient();
    client.setQueryData(['me'], establishmentAdmin);
    const html = await renderApp('/stats', client);
    expect(html).toContain('Accès refusé');
    expect(html).not.toContain('data-testid="stats-dashboard"');
  });
});
