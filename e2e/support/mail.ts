import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Charter, Registration } from '@liaison/core/api/index';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import type { Stack } from './stack.ts';
import { enrolTotp, expectHeading, submitPassword } from './steps.ts';

/** Key generation (two RSA 3072 pairs) and PBKDF2 at 600,000 iterations take seconds, not milliseconds. */
export const CRYPTO_TIMEOUT = 90_000;

export interface Professional {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  rpps: string;
  /** TRE_R38 specialty, e.g. SM54 (general medicine). */
  specialty: string;
  organisationId?: string;
}

/**
 * A professional verified the way production does it: self-registration, then a technician's approval.
 * Returns their user id.
 */
export async function registerApprovedProfessional(stack: Stack, person: Professional): Promise<string> {
  const base = stack.server.baseUrl;
  const charter = Charter.parse(await (await fetch(`${base}/api/charter`)).json());
  const sent = await fetch(`${base}/api/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: person.email,
      password: person.password,
      firstName: person.firstName,
      lastName: person.lastName,
      role: 'professional',
      nationalIdKind: 'rpps',
      nationalId: person.rpps,
      profession: '10',
      specialty: person.specialty,
      ...(person.organisationId ? { organisationId: person.organisationId } : {}),
      charterVersion: charter.version,
    }),
  });
  if (sent.status !== 201) throw new Error(`registration refused (${sent.status}): ${await sent.text()}`);
  const registration = Registration.parse(await sent.json());
  await stack.server.cli('admin', 'approve', registration.id);
  return registration.userId;
}

/**
 * First sign-in of a verified professional in a fresh browser context: TOTP enrolment, this browser
 * registered as their first device, then their keys generated in the browser (as keys.e2e.ts does).
 */
export async function signInWithNewKeys(
  stack: Stack,
  person: Professional,
  passphrase: string,
  shotPrefix: string,
): Promise<{ context: BrowserContext; page: Page; totp: { secret: string; step: number } }> {
  const { context, page } = await stack.newPage();
  await submitPassword(page, person);
  const totp = await enrolTotp(page, shotPrefix);
  await page.getByRole('link', { name: 'Clés et appareils' }).first().click();
  await expectHeading(page, 'Clés et appareils');
  await page.getByLabel(/^Nom de l'appareil/).fill(`Poste de ${person.firstName}`);
  await page.getByRole('button', { name: 'Enregistrer ce navigateur' }).click();
  await page.getByTestId('device-active').waitFor();
  await page.getByLabel(/^Phrase de passe de sauvegarde/).fill(passphrase);
  await page.getByLabel(/^Confirmez la phrase de passe/).fill(passphrase);
  await page.getByLabel("J'ai noté ma phrase de passe et je la conserve en lieu sûr").check();
  await page.getByRole('button', { name: 'Générer mes clés' }).click();
  await page.getByTestId('keys-ready').waitFor({ timeout: CRYPTO_TIMEOUT });
  await screenshot(page, `${shotPrefix}-keys-ready`);
  return { context, page, totp };
}

/** Opens the mail from the navigation and waits for the inbox to have loaded. */
export async function openMail(page: Page): Promise<void> {
  await page
    .getByRole('link', { name: /^Messagerie/ })
    .first()
    .click();
  await expectHeading(page, 'Messagerie');
  await page.locator('[data-testid="mail-list"], [data-testid="mail-empty"]').first().waitFor();
}

/**
 * A small, valid one-page PDF ("Compte rendu"), its cross-reference offsets computed, written to a
 * fresh temporary directory. Returns the file's path.
 */
export async function writeTinyPdf(name: string): Promise<string> {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = 'BT /F1 18 Tf 72 760 Td (Compte rendu - test Liaison) Tj ET';
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const dir = await mkdtemp(join(tmpdir(), 'liaison-e2e-mail-'));
  const path = join(dir, name);
  await writeFile(path, pdf, 'latin1');
  return path;
}
