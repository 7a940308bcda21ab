import { Charter, Registration } from '@liaison/core/api/index';
import { randomRpps } from '@liaison/core/synthetic/index';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser.ts';
import { startStack, type Stack } from './support/stack.ts';
import { enrolTotp, expectHeading, submitPassword } from './support/steps.ts';
import { totpCode } from './support/totp.ts';

let stack: Stack;

// Accents and a compound name: the certificate's common name must be exactly "Hélène LE GALL-DUBOIS".
const professional = {
  email: 'helene.legall@liaison.test',
  password: 'une phrase de passe solide',
  firstName: 'Hélène',
  lastName: 'Le Gall-Dubois',
  rpps: randomRpps(),
};
const passphrase = 'cheval agrafe batterie correcte';
const technician = { email: 'tech.keys@liaison.test', password: 'technicien-de-test-2026' };

/** Key generation (two RSA 3072 pairs) and PBKDF2 at 600,000 iterations take seconds, not milliseconds. */
const CRYPTO_TIMEOUT = 90_000;

/** A professional verified the way production does it: self-registration, then a technician's approval. */
async function registerApprovedProfessional(): Promise<void> {
  const base = stack.server.baseUrl;
  const charter = Charter.parse(await (await fetch(`${base}/api/charter`)).json());
  const sent = await fetch(`${base}/api/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: professional.email,
      password: professional.password,
      firstName: professional.firstName,
      lastName: professional.lastName,
      role: 'professional',
      nationalIdKind: 'rpps',
      nationalId: professional.rpps,
      profession: '10',
      specialty: 'SM54',
      charterVersion: charter.version,
    }),
  });
  expect(sent.status).toBe(201);
  const registration = Registration.parse(await sent.json());
  await stack.server.cli('admin', 'approve', registration.id);
}

async function activeSerials(page: Page): Promise<string[]> {
  const rows = page.locator('[data-testid="certificate-row"][data-state="active"]');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
  const serials = await rows.evaluateAll((elements) =>
    elements.map((e) => e.getAttribute('data-serial') ?? ''),
  );
  return serials.sort();
}

interface StoredKeys {
  keys: { serial: string; usage: string; keys: string[] }[];
  certificates: string[];
}

/**
 * What this browser holds in IndexedDB, read straight from the database: for each key, its algorithm
 * and whether WebCrypto would let anyone export it. (A script, since e2e code has no DOM types.)
 */
const READ_KEYSTORE = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('liaison-keystore');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error('cannot open the keystore'));
  });
  const read = (store) => new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error('cannot read ' + store));
  });
  const summary = (key) =>
    key.algorithm.name + '/' + key.algorithm.hash.name + '/' + (key.extractable ? 'extractable' : 'non-extractable');
  const keys = (await read('keys')).map((record) => ({
    serial: record.serial,
    usage: record.usage,
    keys: (record.signingKey ? [record.signingKey] : Object.values(record.decryptionKeys)).map(summary).sort(),
  }));
  const certificates = (await read('certificates')).map((record) => record.serial).sort();
  db.close();
  return { keys: keys.sort((a, b) => a.usage.localeCompare(b.usage)), certificates };
})()`;

async function storedKeys(page: Page): Promise<StoredKeys> {
  return page.evaluate<StoredKeys>(READ_KEYSTORE);
}

async function openKeysPage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Clés et appareils' }).first().click();
  await page.waitForURL('**/keys');
  await expectHeading(page, 'Clés et appareils');
}

function failure(error: unknown): Error {
  return new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
    cause: error,
  });
}

beforeAll(async () => {
  // Mailboxes in a dotted domain, as on a real instance: the core's CSR builder refuses an address
  // like "x@localhost" (the server's default mail domain when served on localhost).
  stack = await startStack({ LIAISON_MAIL_DOMAIN: 'liaison.test' });
  await stack.createUser({ ...technician, firstName: 'Théo', lastName: 'Support', role: 'technician' });
  await registerApprovedProfessional();
});

afterAll(async () => {
  await stack?.stop();
});

describe('keys and devices in the browser', () => {
  it('refuses key operations outside a secure context, and says why', async () => {
    // The same server reached by a LAN-style name over plain http: not localhost, so not a secure context.
    const port = new URL(stack.server.baseUrl).port;
    const browser = await launchBrowser(['--host-resolver-rules=MAP liaison-cabinet.test 127.0.0.1']);
    const context = await browser.newContext({
      baseURL: `http://liaison-cabinet.test:${port}`,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    try {
      await submitPassword(page, technician);
      await enrolTotp(page, '40-insecure');
      expect(await page.evaluate('window.isSecureContext')).toBe(false);
      await openKeysPage(page);
      const alert = page.getByTestId('insecure-context');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('https');
      expect(await alert.innerText()).toContain('LIAISON_TLS_CERT');
      expect(await alert.innerText()).toContain(`http://liaison-cabinet.test:${port}`);
      // Nothing that would create, restore or register keys is offered.
      expect(await page.getByRole('button', { name: 'Enregistrer ce navigateur' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Générer mes clés' }).count()).toBe(0);
      await page.getByText('Aucun appareil enregistré.').waitFor();
      await screenshot(page, '41-keys-insecure-context');
    } catch (error) {
      await screenshot(page, 'failure-keys-insecure').catch(() => undefined);
      throw failure(error);
    } finally {
      await context.close();
      await browser.close();
    }
  });

  it('generates keys, approves a second browser by code, restores the keys there', async () => {
    let first: { context: BrowserContext; page: Page } | undefined;
    let second: { context: BrowserContext; page: Page } | undefined;
    try {
      // 1. First browser: first sign-in (TOTP enrolment), then the keys page from the navigation.
      first = await stack.newPage();
      const a = first.page;
      await submitPassword(a, professional);
      const { secret, step } = await enrolTotp(a, '42-keys');
      await openKeysPage(a);
      const deviceName = a.getByLabel(/^Nom de l'appareil/);
      await expect.poll(() => deviceName.inputValue()).toMatch(/^Chrome sur Linux$/);
      await screenshot(a, '43-keys-register-browser');
      await deviceName.fill('PC du cabinet');
      await a.getByRole('button', { name: 'Enregistrer ce navigateur' }).click();
      // The first device of a verified person is approved at once.
      await a.getByTestId('device-active').waitFor();
      expect(await a.getByTestId('device-active').innerText()).toContain('PC du cabinet');

      // 2. Generate the keys: passphrase twice, acknowledged, then the labelled steps.
      await a.getByText('Hélène LE GALL-DUBOIS', { exact: true }).waitFor();
      await a.getByText(`RPPS ${professional.rpps}`, { exact: true }).waitFor();
      await a.getByLabel(/^Phrase de passe de sauvegarde/).fill('trop court');
      await a.getByLabel(/^Confirmez la phrase de passe/).fill('autre chose');
      await a.getByRole('button', { name: 'Générer mes clés' }).click();
      await a.getByText('La phrase de passe doit contenir au moins 12 caractères.').waitFor();
      await a.getByText('Les deux phrases de passe ne sont pas identiques.').waitFor();
      await a.getByLabel(/^Phrase de passe de sauvegarde/).fill(passphrase);
      await a.getByLabel(/^Confirmez la phrase de passe/).fill(passphrase);
      await a.getByLabel("J'ai noté ma phrase de passe et je la conserve en lieu sûr").check();
      await screenshot(a, '44-keys-generate-form');
      await a.getByRole('button', { name: 'Générer mes clés' }).click();
      await a.getByTestId('generation-progress').waitFor();
      await screenshot(a, '45-keys-generating');
      await a.getByTestId('keys-ready').waitFor({ timeout: CRYPTO_TIMEOUT });
      const serialsA = await activeSerials(a);
      await screenshot(a, '46-keys-ready');

      // Only non-extractable keys are kept: one signing key, two decryption keys (OAEP SHA-1 and SHA-256).
      const storedA = await storedKeys(a);
      expect(storedA.certificates).toEqual(serialsA);
      expect(storedA.keys).toEqual([
        {
          serial: expect.any(String) as string,
          usage: 'encryption',
          keys: ['RSA-OAEP/SHA-1/non-extractable', 'RSA-OAEP/SHA-256/non-extractable'],
        },
        {
          serial: expect.any(String) as string,
          usage: 'signing',
          keys: ['RSASSA-PKCS1-v1_5/SHA-256/non-extractable'],
        },
      ]);

      // 3. Second browser (fresh context: no cookie, no IndexedDB): same person signs in.
      second = await stack.newPage();
      let b = second.page;
      await submitPassword(b, professional);
      await expectHeading(b, 'Vérification en deux étapes');
      const { code: totp } = await totpCode(secret, step);
      await b.getByLabel('Code de vérification').fill(totp);
      await b.getByRole('button', { name: 'Valider' }).click();
      await b.waitForURL('**/account');
      await openKeysPage(b);
      await b.getByLabel(/^Nom de l'appareil/).fill('Portable de garde');
      await b.getByRole('button', { name: 'Enregistrer ce navigateur' }).click();
      await b.getByTestId('approval-code').waitFor();
      const firstCode = (await b.getByTestId('approval-code').getAttribute('data-code')) ?? '';
      expect(firstCode).toMatch(/^[0-9]{3} [0-9]{3}$/);
      await b
        .getByText('Sur un appareil déjà enregistré, ouvrez Clés et appareils et saisissez ce code')
        .waitFor();
      // Before approval, the backup is out of reach and no key panel is offered.
      expect(await b.getByRole('button', { name: 'Restaurer mes clés' }).count()).toBe(0);
      await screenshot(b, '47-keys-second-browser-pending');
      // Often a phone or a small laptop: the code stays whole and readable on a narrow screen.
      await b.setViewportSize({ width: 390, height: 844 });
      await screenshot(b, '47b-keys-pending-mobile');
      await b.setViewportSize({ width: 1280, height: 900 });
      // A reload keeps showing the same code (kept for this tab only).
      await b.reload();
      await expectHeading(b, 'Clés et appareils');
      await expect.poll(() => b.getByTestId('approval-code').getAttribute('data-code')).toBe(firstCode);

      // Another tab does not know the code: it asks for a new one, which replaces the waiting device.
      const otherTab = await second.context.newPage();
      await otherTab.goto('/keys');
      await expectHeading(otherTab, 'Clés et appareils');
      await otherTab.getByText("Le code d'approbation n'est plus affiché dans cet onglet").waitFor();
      await screenshot(otherTab, '47c-keys-code-not-in-this-tab');
      await otherTab.getByRole('button', { name: 'Obtenir un nouveau code' }).click();
      await otherTab.getByTestId('approval-code').waitFor();
      await expect
        .poll(() => otherTab.locator('[data-testid="device-row"][data-status="revoked"]').count())
        .toBe(1);
      await b.close();
      b = otherTab;
      const approvalCode = (await b.getByTestId('approval-code').getAttribute('data-code')) ?? '';
      expect(approvalCode).toMatch(/^[0-9]{3} [0-9]{3}$/);

      // 4. First browser: a wrong code is refused, the right one approves.
      await a.reload();
      await expectHeading(a, 'Clés et appareils');
      const pendingRow = a.locator('[data-testid="device-row"][data-status="pending"]');
      await pendingRow.waitFor();
      expect(await pendingRow.innerText()).toContain('Portable de garde');
      expect(await a.getByTestId('devices-waiting').innerText()).toContain('« Portable de garde »');
      const wrongCode = approvalCode.startsWith('000') ? '111 111' : '000 000';
      await a.getByLabel(/^Code affiché sur le nouvel appareil/).fill(wrongCode);
      await a.getByRole('button', { name: "Approuver l'appareil" }).click();
      await expect
        .poll(() => a.getByTestId('approve-device').getByTestId('error-alert').innerText())
        .toContain('Aucun de vos appareils');
      await a.getByLabel(/^Code affiché sur le nouvel appareil/).fill(approvalCode);
      // Typing again clears the refusal of the previous code.
      await expect.poll(() => a.getByTestId('approve-device').getByTestId('error-alert').count()).toBe(0);
      await screenshot(a, '48-keys-approve-form');
      await a.getByRole('button', { name: "Approuver l'appareil" }).click();
      await a.getByText('Appareil « Portable de garde » approuvé.').waitFor();
      await expect.poll(() => a.locator('[data-testid="device-row"][data-status="active"]').count()).toBe(2);
      await screenshot(a, '49-keys-device-approved');

      // 5. Second browser moves on by itself, then restores with the passphrase: wrong one first.
      const restorePassphrase = b.getByLabel(/^Phrase de passe de sauvegarde/);
      await restorePassphrase.waitFor({ timeout: 15_000 });
      await b.getByTestId('device-active').waitFor();
      await restorePassphrase.fill('pas la bonne phrase de passe');
      await b.getByRole('button', { name: 'Restaurer mes clés' }).click();
      await expect
        .poll(() => b.getByTestId('error-alert').innerText(), { timeout: CRYPTO_TIMEOUT })
        .toContain('Phrase de passe incorrecte');
      expect((await storedKeys(b)).keys).toEqual([]);
      await screenshot(b, '50-keys-wrong-passphrase');
      await restorePassphrase.fill(passphrase);
      await b.getByRole('button', { name: 'Restaurer mes clés' }).click();
      await b.getByTestId('keys-ready').waitFor({ timeout: CRYPTO_TIMEOUT });
      await screenshot(b, '51-keys-restored');

      // 6. Both browsers show the same certificates, and both hold the keys of each, non-extractable.
      const serialsB = await activeSerials(b);
      expect(serialsB).toEqual(serialsA);
      const storedB = await storedKeys(b);
      expect(storedB).toEqual(storedA);
      await a.reload();
      await expectHeading(a, 'Clés et appareils');
      expect(await activeSerials(a)).toEqual(serialsB);

      // 7. The first browser revokes the second: its session dies at once.
      const secondRow = a.locator('[data-testid="device-row"][data-status="active"]', {
        hasText: 'Portable de garde',
      });
      await secondRow.getByRole('button', { name: 'Révoquer' }).click();
      const dialog = a.getByRole('dialog');
      await dialog.getByText('Ses sessions sont fermées immédiatement').waitFor();
      await screenshot(a, '52-keys-revoke-confirm');
      await dialog.getByRole('button', { name: "Révoquer l'appareil" }).click();
      // Both "Portable de garde" devices are now revoked: the one replaced by a new code, and this one.
      await expect.poll(() => a.locator('[data-testid="device-row"][data-status="revoked"]').count()).toBe(2);
      await b.reload();
      await b.waitForURL('**/login');
      await expectHeading(b, 'Connexion');

      // 8. The page in English, for the translation.
      await a.getByText('English', { exact: true }).click();
      await expectHeading(a, 'Keys and devices');
      await a.getByText('Your keys are installed on this browser').waitFor();
      await screenshot(a, '53-keys-english');
    } catch (error) {
      if (first) await screenshot(first.page, 'failure-keys-first').catch(() => undefined);
      if (second) await screenshot(second.page, 'failure-keys-second').catch(() => undefined);
      throw failure(error);
    } finally {
      await first?.context.close();
      await second?.context.close();
    }
  });
});
