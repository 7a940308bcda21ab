import type { Charter, Me } from '@liaison/core/api/accounts';
import type { CharterVersionInfo, PublishCharterRequest } from '@liaison/core/api/charter';
import { randomRpps } from '@liaison/core/synthetic/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR } from '../src/auth/actor.ts';
import { CHARTER_V1 } from '../src/charter/charterV1.ts';
import { Client, staffUser } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { mailUser, sealFor, type MailUser } from './support/mail.ts';
import { PASSWORD, startPkiInstance, type PkiInstance } from './support/pki.ts';

const ARTICLE_10 =
  "Article 10 — Données de santé. Les exports de courriers hors de Liaison suivent la politique de l'établissement.";
const ARTICLE_10_EN =
  'Article 10 — Health data. Letters exported out of Liaison follow the establishment’s policy.';

/** Version 1 with one more article: what a platform admin would publish as version 2. */
function nextVersion(n: number): PublishCharterRequest {
  return {
    fr: {
      title: `Charte d'utilisation de Liaison — version ${n}`,
      text: `${CHARTER_V1.fr.text}\n\n${ARTICLE_10}`,
    },
    en: { title: `Liaison usage charter — version ${n}`, text: `${CHARTER_V1.en.text}\n\n${ARTICLE_10_EN}` },
  };
}

function registration(charterVersion: number) {
  const rpps = randomRpps();
  return {
    email: `pro-${rpps}@cabinet.test`,
    password: PASSWORD,
    firstName: 'Noémie',
    lastName: 'Nouvelle',
    nationalIdKind: 'rpps',
    nationalId: rpps,
    profession: '10',
    specialty: 'SM54',
    charterVersion,
  };
}

for (const backend of testBackends()) {
  describe(`charter versions and re-acceptance on ${backend.name}`, () => {
    let t: PkiInstance;
    let technician: Client;
    let admin: Client;
    let hospital: MailUser;
    let gp: MailUser;

    beforeAll(async () => {
      t = await startPkiInstance(backend);
      technician = (await staffUser(t, 'technician')).client;
      admin = (await staffUser(t, 'platform_admin')).client;
      hospital = await mailUser(t, technician, 'Hélène', 'Hôpital');
      gp = await mailUser(t, technician, 'Gaston', 'Généraliste');
    });
    afterAll(async () => t.close());

    const auditActions = async (action: string) =>
      t.ctx.db.read
        .selectFrom('audit_events')
        .select(['actor', 'target', 'details'])
        .where('action', '=', action)
        .orderBy('seq')
        .execute();

    it('has version 1 in force on a new instance, recorded at registration', async () => {
      const fr = await new Client(t.app).get<Charter>('/api/charter');
      expect(fr.status).toBe(200);
      expect(fr.body).toEqual({
        version: 1,
        title: CHARTER_V1.fr.title,
        text: CHARTER_V1.fr.text,
        publishedAt: null,
      });
      const en = await new Client(t.app).get<Charter>('/api/charter?lang=en');
      expect(en.body).toMatchObject({ version: 1, title: CHARTER_V1.en.title });

      const me = await gp.client.get<Me>('/api/me');
      expect(me.body).toMatchObject({ charterVersion: 1, charterCurrentVersion: 1 });
      expect(me.body.charterAcceptedAt).not.toBeNull();
    });

    it('lets only a platform admin publish, and only numbered texts', async () => {
      for (const client of [technician, gp.client]) {
        const refused = await client.post('/api/admin/charter', nextVersion(2));
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
        expect((await client.get('/api/admin/charter/versions')).status).toBe(403);
      }

      const misnumbered = nextVersion(2);
      misnumbered.en.text = misnumbered.en.text.replace('Article 3 —', 'Article 4 —');
      const bad = await admin.post<{ error: { code: string; message: string; details: unknown } }>(
        '/api/admin/charter',
        misnumbered,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'CHARTER_INVALID', details: { lang: 'en' } });
      expect(bad.body.error.message).toMatch(/^English text: Articles must be numbered/);

      const short = nextVersion(2);
      short.fr.text =
        'Article 1 — Objet. Liaison sert aux échanges.\n\nArticle 2 — Identité. Un compte, une personne.';
      const tooShort = await admin.post('/api/admin/charter', short);
      expect(tooShort.body).toMatchObject({ error: { code: 'CHARTER_INVALID', details: { lang: 'fr' } } });

      const uneven = nextVersion(2);
      uneven.en.text = CHARTER_V1.en.text;
      expect((await admin.post('/api/admin/charter', uneven)).body).toMatchObject({
        error: { code: 'CHARTER_INVALID' },
      });

      expect((await new Client(t.app).get<Charter>('/api/charter')).body.version).toBe(1);
      const versions = await admin.get<CharterVersionInfo[]>('/api/admin/charter/versions');
      expect(versions.body.map((v) => v.version)).toEqual([1]);
    });

    it('asks everyone to accept a new version before sending again', async () => {
      t.clock.advance(3600_000);
      const published = await admin.post<Charter>('/api/admin/charter', nextVersion(2));
      expect(published.status).toBe(201);
      expect(published.body).toEqual({
        version: 2,
        title: "Charte d'utilisation de Liaison — version 2",
        text: `${CHARTER_V1.fr.text}\n\n${ARTICLE_10}`,
        publishedAt: t.clock.now().toISOString(),
      });
      expect((await new Client(t.app).get<Charter>('/api/charter?lang=en')).body).toMatchObject({
        version: 2,
        title: 'Liaison usage charter — version 2',
      });
      const publications = await auditActions('charter.published');
      expect(publications.map((e) => e.target)).toEqual(['2']);
      expect(JSON.parse(publications[0]!.details)).toMatchObject({ version: 2, articles: 10 });

      const me = await hospital.client.get<Me>('/api/me');
      expect(me.body).toMatchObject({ charterVersion: 1, charterCurrentVersion: 2 });

      const letter = await sealFor(hospital, { to: [gp] });
      const refused = await hospital.client.post('/api/mail/messages', letter);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: { code: 'CHARTER_NOT_ACCEPTED', details: { version: 2 } },
      });

      const stale = await hospital.client.post('/api/charter/accept', { version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ error: { code: 'CHARTER_VERSION_STALE', details: { version: 2 } } });
      expect((await hospital.client.post('/api/charter/accept', { version: 3 })).status).toBe(409);

      const accepted = await hospital.client.post<Me>('/api/charter/accept', { version: 2 });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ charterVersion: 2, charterCurrentVersion: 2 });
      // Accepting again changes nothing and records nothing more.
      expect((await hospital.client.post<Me>('/api/charter/accept', { version: 2 })).status).toBe(200);
      expect(await auditActions('charter.accepted')).toEqual([
        expect.objectContaining({ actor: hospital.userId, target: hospital.userId }),
      ]);

      const sent = await hospital.client.post('/api/mail/messages', letter);
      expect(sent.status).toBe(201);
      expect((await hospital.client.get<Me>('/api/me')).body.charterVersion).toBe(2);
      // The recipient has not accepted yet: they still receive, they cannot send.
      expect((await gp.client.get<Me>('/api/me')).body).toMatchObject({
        charterVersion: 1,
        charterCurrentVersion: 2,
      });
      const reply = await gp.client.post('/api/mail/messages', await sealFor(gp, { to: [hospital] }));
      expect(reply.body).toMatchObject({ error: { code: 'CHARTER_NOT_ACCEPTED' } });
    });

    it('requires the version in force of new registrations', async () => {
      const old = await new Client(t.app).post('/api/registrations', registration(1));
      expect(old.status).toBe(400);
      expect(old.body).toMatchObject({ error: { code: 'CHARTER_NOT_ACCEPTED', details: { version: 2 } } });
      const current = await new Client(t.app).post('/api/registrations', registration(2));
      expect(current.status).toBe(201);
    });

    it('counts acceptances per version for the platform admin', async () => {
      const versions = await admin.get<CharterVersionInfo[]>('/api/admin/charter/versions');
      expect(versions.status).toBe(200);
      // Version 1: the two registered colleagues (console-made staff accepted nothing); version 2: the
      // hospital and the new registration.
      expect(versions.body).toEqual([
        { version: 2, publishedAt: expect.any(String) as string, acceptances: 2 },
        { version: 1, publishedAt: '1970-01-01T00:00:00.000Z', acceptances: 2 },
      ]);
    });

    it('numbers concurrent publications one after the other', async () => {
      const results = await Promise.all([
        t.ctx.charter.publish(CONSOLE_ACTOR, nextVersion(3)),
        t.ctx.charter.publish(CONSOLE_ACTOR, nextVersion(3)),
      ]);
      expect(results.map((c) => c.version).sort()).toEqual([3, 4]);
      expect((await new Client(t.app).get<Charter>('/api/charter')).body.version).toBe(4);
      const byConsole = await t.ctx.db.read
        .selectFrom('charter_versions')
        .select('published_by')
        .where('version', '>=', 3)
        .execute();
      expect(byConsole).toEqual([{ published_by: null }, { published_by: null }]);
      expect((await hospital.client.get<Me>('/api/me')).body).toMatchObject({
        charterVersion: 2,
        charterCurrentVersion: 4,
      });
    });
  });
}
