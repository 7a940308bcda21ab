import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StatsReport } from '@liaison/core/api/stats';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, screenshot } from './support/browser.ts';
import { startStack, type Stack } from './support/stack.ts';
import { enrolTotp, expectHeading, submitPassword } from './support/steps.ts';

/**
 * Statistics and service status as their users meet them: the platform admin opens the dashboard on
 * two months of synthetic traffic and reads the charts and the postage saved; a technician announces a
 * maintenance window; a visitor without an account finds it on the public status page and in the feed.
 */
const ROOT = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

let stack: Stack;
let report: StatsReport;
const contexts: BrowserContext[] = [];

const director = { email: 'direction@liaison.test', password: 'directrice de la plateforme régionale' };
const technician = { email: 'astreinte@liaison.test', password: 'technicien d’astreinte du support' };
const maintenanceTitle = 'Mise à jour de la messagerie sécurisée';

/** Tomorrow at hh:mm on this machine's clock, as a datetime-local input takes it. */
function tomorrowAt(hours: number, minutes: number): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hours)}:${pad(minutes)}`;
}

const euros = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
/** Intl writes narrow no-break spaces in French; compare texts with plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

beforeAll(async () => {
  stack = await startStack({ LIAISON_MAIL_DOMAIN: 'liaison.test' });
  // Two months of synthetic message metadata (bench/stats's generator, seeded) written into the
  // server's own SQLite file, with the rollups rebuilt: what a busy regional platform would hold.
  const database = `sqlite:${join(stack.server.env.LIAISON_DATA_DIR!, 'liaison.sqlite')}`;
  await run(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/stats/generate.ts',
      '--database',
      database,
      '--messages',
      '20000',
      '--users',
      '800',
      '--organisations',
      '40',
      '--seed',
      '2026',
    ],
    { cwd: ROOT, env: { ...process.env, LIAISON_DATA_DIR: stack.server.env.LIAISON_DATA_DIR } },
  );
  // The figures the dashboard must show, as the server computes them for its default period.
  report = JSON.parse(await stack.server.cli('stats', '--console', '--json')) as StatsReport;
  await stack.createUser({
    ...director,
    firstName: 'Claire',
    lastName: 'Directrice',
    role: 'platform_admin',
  });
  await stack.createUser({ ...technician, firstName: 'Yann', lastName: 'Astreinte', role: 'technician' });
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await stack?.stop();
});

describe('statistics and service status', () => {
  it('shows the platform admin the dashboard with its charts and the postage saved', async () => {
    expect(report.messagesExchanged.current).toBeGreaterThan(1000);
    const { context, page } = await stack.newPage();
    contexts.push(context);
    await submitPassword(page, director);
    await enrolTotp(page, '96-stats-director');
    await page.getByRole('link', { name: 'Statistiques', exact: true }).first().click();
    await expectHeading(page, 'Statistiques');
    await page.getByTestId('stats-dashboard').waitFor();

    const postage = page.getByTestId('kpi-postage');
    await postage.getByRole('heading', { name: "Économies d'affranchissement" }).waitFor();
    expect(plain(await postage.innerText())).toContain(plain(euros(report.postage.savedCents.current)));
    expect(plain(await page.getByTestId('kpi-messages').innerText())).toContain(
      plain(new Intl.NumberFormat('fr-FR').format(report.messagesExchanged.current)),
    );
    // Lines over time, the top 10 bars, the categories: drawn, not only tabulated.
    await expect
      .poll(() => page.locator('svg.recharts-surface').count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(3);
    const leader = report.topEstablishments[0]!;
    await page.getByRole('heading', { name: 'Les 10 établissements qui envoient le plus' }).waitFor();
    const escaped = leader.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(await page.getByRole('img', { name: new RegExp(escaped) }).count()).toBeGreaterThan(0);
    const href = await page.getByRole('link', { name: 'Exporter en CSV' }).getAttribute('href');
    expect(href).toContain(`from=${report.period.from}`);
    await screenshot(page, '96-stats-dashboard');
    // What a manager sees on opening the page (the README shows it).
    await page.screenshot({ path: join(SCREENSHOTS, '96-stats-dashboard-first-screen.png') });
  }, 300_000);

  it('lets a technician post a maintenance window that a visitor sees without signing in', async () => {
    const tech = await stack.newPage();
    contexts.push(tech.context);
    const b = tech.page;
    await submitPassword(b, technician);
    await enrolTotp(b, '97-status-technician');
    await b.getByRole('link', { name: 'Publier un incident' }).first().click();
    await expectHeading(b, 'Publier un incident ou une maintenance');
    await b.getByRole('radio', { name: 'Maintenance' }).check();
    await b.getByLabel(/^Titre/).fill(maintenanceTitle);
    await b.getByLabel('Gravité').selectOption({ label: 'Mineure' });
    await b.getByRole('checkbox', { name: 'Messagerie', exact: true }).check();
    await b
      .getByLabel(/^Description/)
      .fill('La messagerie sera indisponible une heure et demie. Les courriers envoyés partiront ensuite.');
    await b.getByLabel(/^Début/).fill(tomorrowAt(22, 0));
    await b.getByLabel(/^Fin/).fill(tomorrowAt(23, 30));
    await b.getByRole('checkbox', { name: 'Prévenir les établissements par e-mail' }).check();
    await screenshot(b, '97-status-form');
    await b.getByRole('button', { name: 'Publier', exact: true }).click();
    await b.getByTestId('status-posted').waitFor();
    expect(await b.getByTestId('status-posted').innerText()).toContain(maintenanceTitle);
    await screenshot(b, '98-status-posted');

    const visitor = await stack.newPage();
    contexts.push(visitor.context);
    const c = visitor.page;
    await c.goto('/status');
    await expectHeading(c, 'État du service');
    const upcoming = c.getByRole('region', { name: 'Maintenances programmées' });
    const card = upcoming.getByTestId('status-event').filter({ hasText: maintenanceTitle });
    await card.waitFor();
    expect(await card.innerText()).toContain('Messagerie');
    await screenshot(c, '99-status-public');

    const feed = await fetch(`${stack.server.baseUrl}/api/status.atom`);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect(await feed.text()).toContain(maintenanceTitle);
  }, 300_000);
});
