import { mulberry32, randomPerson, randomRpps } from '@liaison/core/synthetic/index';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { keyedColleagues, type Colleague } from './support/colleagues.ts';
import {
  CRYPTO_TIMEOUT,
  openMail,
  registerApprovedProfessional,
  signInWithNewKeys,
  type Professional,
} from './support/mail.ts';
import { startStack, type Stack } from './support/stack.ts';
import { enrolTotp, expectHeading, submitPassword } from './support/steps.ts';

/**
 * The usage rules as a hospital doctor meets them: a "pot de départ" announcement to 30 colleagues is
 * flagged while she writes (charter article 5, no bulk mail), she sends anyway, the message is held
 * and reaches nobody, a technician rejects it, and she reads the rejection with the article.
 */
let stack: Stack;
let colleagues: Colleague[];

const doctor: Professional = {
  email: 'maelle.kerbrat@chcornouaille.liaison.test',
  password: 'pneumologue du centre hospitalier',
  firstName: 'Maëlle',
  lastName: 'Kerbrat',
  rpps: randomRpps(),
  specialty: 'SM40',
};
const technician = {
  email: 'support.quarantaine@liaison.test',
  password: 'technicien du support de la plateforme',
};
const subject = 'Pot de départ de Maëlle Kerbrat – vendredi 18 h';
const announcement = [
  'Chers collègues,',
  '',
  'Après vingt ans au service de pneumologie, je pars à la retraite.',
  'Je serais heureuse de vous retrouver pour un pot vendredi à 18 h, salle du conseil.',
  '',
  'Maëlle Kerbrat',
].join('\n');

/** Thirty synthetic colleagues with distinct names (seeded, so a failing run can be replayed). */
function thirtyNames(): Array<{ firstName: string; lastName: string }> {
  const rng = mulberry32(2026_12_06);
  const names = new Map<string, { firstName: string; lastName: string }>();
  while (names.size < 30) {
    const person = randomPerson(rng);
    const key = `${person.firstName} ${person.surname}`;
    if (!names.has(key)) names.set(key, { firstName: person.firstName, lastName: person.surname });
  }
  return [...names.values()];
}

function failure(error: unknown): Error {
  return new Error(`${String(error)}\n--- server output ---\n${stack.server.output().slice(-4000)}`, {
    cause: error,
  });
}

beforeAll(async () => {
  // Thirty colleagues sign in from this one machine, as a hospital's staff do from one NAT address.
  stack = await startStack({ LIAISON_MAIL_DOMAIN: 'liaison.test', LIAISON_LOGIN_ATTEMPTS: '200' });
  doctor.organisationId = await stack.createOrganisation('Centre hospitalier de Cornouaille');
  await registerApprovedProfessional(stack, doctor);
  await stack.createUser({ ...technician, firstName: 'Tanguy', lastName: 'Support', role: 'technician' });
  colleagues = await keyedColleagues(stack, thirtyNames());
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

/** Adds one recipient to the To field by address, as a doctor picks from the suggestions. */
async function addRecipient(page: Page, address: string): Promise<void> {
  const to = page.getByRole('textbox', { name: 'À' });
  await to.fill(address);
  await page.getByRole('option', { name: new RegExp(address.replace(/[.]/g, '\\.')) }).click();
}

describe('bulk mail held for review', () => {
  let doctorContext: BrowserContext | undefined;
  let technicianContext: BrowserContext | undefined;

  afterAll(async () => {
    await doctorContext?.close();
    await technicianContext?.close();
  });

  it('warns the doctor, holds her 30-recipient announcement, and shows her the technician’s rejection with the article', async () => {
    try {
      const signedIn = await signInWithNewKeys(stack, doctor, 'bruyere lande granit embruns', '90-usage');
      doctorContext = signedIn.context;
      const a = signedIn.page;

      // 1. She writes the announcement: an information message to thirty colleagues.
      await openMail(a);
      await a.getByTestId('mail-compose').click();
      await expectHeading(a, 'Nouveau message');
      await a.getByRole('radio', { name: 'Message sans patient (information)' }).check();
      for (const colleague of colleagues) await addRecipient(a, colleague.address);
      expect(await a.getByTestId('recipient-chip').count()).toBe(30);
      await a.getByLabel(/^Objet/).fill(subject);
      await a.getByLabel(/^Texte du courrier/).fill(announcement);

      // 2. Warned before sending, with the rule, the numbers and the article.
      const warning = a.getByRole('alert', { name: 'Ce message sera retenu pour vérification' });
      await warning.waitFor();
      // The check runs as she types (debounced): on a busy machine a first answer may count fewer
      // recipients than she ended with, then the warning updates.
      await expect.poll(() => warning.innerText(), { timeout: 30_000 }).toContain('30 destinataires');
      const warned = await warning.innerText();
      expect(warned).toContain('au-delà de 20 par message');
      expect(warned).toMatch(/article 5/);
      await screenshot(a, '90-usage-compose-bulk-warning');

      // 3. Sending without saying "send anyway" is not possible; she ticks it and sends.
      await a.getByTestId('compose-send').click();
      const sendAnyway = a.getByRole('checkbox', {
        name: 'J’envoie quand même, je comprends qu’il sera vérifié',
      });
      await expect.poll(() => sendAnyway.evaluate((el) => el === document.activeElement)).toBe(true);
      await sendAnyway.check();
      await a.getByTestId('compose-send').click();

      // 4. She lands on the sent message: held, nobody receives it.
      await a.waitForURL(/\/mail\/messages\/[0-9a-f-]+/, { timeout: CRYPTO_TIMEOUT });
      const heldAlert = a.getByTestId('mail-hold-alert');
      await heldAlert.waitFor({ timeout: CRYPTO_TIMEOUT });
      expect(await heldAlert.getAttribute('data-state')).toBe('held');
      await a.getByRole('heading', { name: 'Message retenu pour vérification' }).waitFor();
      expect(await a.getByTestId('delivery-hold-note').innerText()).toContain('Aucun destinataire');
      await screenshot(a, '91-usage-sent-held');
      const messageId = /\/mail\/messages\/([0-9a-f-]+)/.exec(a.url())![1]!;
      for (const colleague of colleagues) expect(await colleague.inboxIds()).not.toContain(messageId);

      // 5. The technician finds it in the quarantine, with its metadata and the sender's history.
      const tech = await stack.newPage();
      technicianContext = tech.context;
      const b = tech.page;
      await submitPassword(b, technician);
      await enrolTotp(b, '92-usage-technician');
      // Created at the console, the technician accepted the charter in force at this first sign-in.
      await b
        .getByRole('link', { name: /^Messages retenus/ })
        .first()
        .click();
      await expectHeading(b, 'Messages retenus');
      const card = b.getByTestId('held-message').filter({ hasText: doctor.lastName });
      await card.waitFor();
      const facts = await card.innerText();
      expect(facts).toContain('Message d');
      expect(facts).toContain('30 au total');
      expect(facts).toContain('article 5');
      await screenshot(b, '92-usage-quarantine-held');

      // 6. It rejects the message with the suggested reason, which cites the article.
      await b.getByRole('button', { name: /^Refuser le message de/ }).click();
      const reason = b.getByRole('textbox', { name: /^Motif communiqué à l'expéditeur/ });
      await reason.waitFor();
      expect(await reason.inputValue()).toContain('article 5');
      await screenshot(b, '93-usage-quarantine-reject');
      await b.getByRole('button', { name: 'Confirmer le refus' }).click();
      await b.getByRole('tab', { name: /^Refusés \(1\)/ }).waitFor();
      await screenshot(b, '94-usage-quarantine-after-reject');

      // 7. The doctor sees the rejection, the technician's reason and the article, without reloading.
      await expect
        .poll(() => heldAlert.getAttribute('data-state'), { timeout: 60_000, interval: 1000 })
        .toBe('rejected');
      await a.getByRole('heading', { name: 'Message refusé après vérification' }).waitFor();
      const rejected = await heldAlert.innerText();
      expect(rejected).toMatch(/article 5/);
      expect(rejected).toContain("Pas d'envois de masse");
      expect(await a.getByTestId('mail-hold-reason').innerText()).toContain('article 5');
      await screenshot(a, '95-usage-sent-rejected');

      // 8. Rejected means never delivered.
      for (const colleague of colleagues) expect(await colleague.inboxIds()).not.toContain(messageId);
    } catch (error) {
      throw failure(error);
    }
  }, 600_000);
});
