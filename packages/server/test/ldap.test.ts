import { spawn } from 'node:child_process';
import { connect as tcpConnect } from 'node:net';
import { randomFiness, randomRpps } from '@liaison/core/synthetic/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ACTOR, type Actor } from '../src/auth/actor.ts';
import { fieldColumns } from '../src/directory/entryRows.ts';
import { startLdapListener, type LdapListener } from '../src/ldap/server.ts';
import { MAIL_DOMAIN, staffUser } from './support/app.ts';
import { testBackends } from './support/databases.ts';
import { ldapTools, parseLdif, values, type LdapTools } from './support/ldap.ts';
import { mailUser } from './support/mail.ts';
import { startPkiInstance, type PkiInstance } from './support/pki.ts';

const BASE = `dc=${MAIL_DOMAIN.split('.').join(',dc=')}`;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const branch = (finess: string) => `ou=${finess},ou=establishments,${BASE}`;

function person(finess: string, uid: string, extra: Record<string, string>): string {
  const lines = [`dn: uid=${uid},${branch(finess)}`, 'objectClass: top', 'objectClass: person'];
  lines.push('objectClass: organizationalPerson', 'objectClass: inetOrgPerson', `uid: ${uid}`);
  for (const [name, value] of Object.entries(extra)) lines.push(`${name}: ${value}`);
  return lines.join('\n') + '\n\n';
}

for (const backend of testBackends()) {
  describe(`LDAP directory on ${backend.name}`, () => {
    let t: PkiInstance;
    let tools: LdapTools;
    let listener: LdapListener;
    let url: string;
    const orgs: Record<'a' | 'b' | 'bulk', { id: string; finess: string }> = {} as never;
    let bindDn: string;
    let password: string;
    let technician: Actor;
    const rpps = randomRpps();

    const ldap = (tool: string, args: string[], bind = true, target = url) =>
      tools.run(tool, ['-x', '-H', target, ...(bind ? ['-D', bindDn, '-w', password] : []), ...args]);
    const search = async (
      base: string,
      filter: string,
      opts: { bind?: boolean; args?: string[]; attrs?: string[] } = {},
    ) => {
      const result = await ldap(
        'ldapsearch',
        ['-LLL', '-b', base, ...(opts.args ?? []), filter, ...(opts.attrs ?? [])],
        opts.bind ?? false,
      );
      return { ...result, entries: parseLdif(result.stdout) };
    };
    const submissions = async (organisationId: string) =>
      (await t.ctx.directory.organisationSubmissions(CONSOLE_ACTOR, organisationId)).filter(
        (s) => s.status === 'pending',
      );
    const approveAll = async (organisationId: string) => {
      for (const s of await submissions(organisationId))
        await t.ctx.directory.decide(technician, s.id, { decision: 'approve' });
    };

    beforeAll(async () => {
      tools = await ldapTools();
      t = await startPkiInstance(backend);
      for (const [key, name] of [
        ['a', 'Centre hospitalier de Dunkerque'],
        ['b', 'Clinique des Flandres'],
        ['bulk', 'CHU de Lille'],
      ] as const) {
        const finess = randomFiness();
        const org = await t.ctx.organisations.create(CONSOLE_ACTOR, { kind: 'hospital', name, finess });
        orgs[key] = { id: org.id, finess };
      }
      const tech = await staffUser(t, 'technician');
      technician = { userId: tech.id, roles: [{ role: 'technician', organisationId: null }] };
      listener = await startLdapListener(
        {
          ldap: t.ctx.ldap,
          logger: t.ctx.logger,
          config: { ...t.ctx.config, tls: { cert: tools.cert, key: tools.key } },
        },
        { port: 0, plainPort: 0, host: '127.0.0.1' },
      );
      url = listener.ldapsUrl!;
    });

    afterAll(async () => {
      await listener?.stop();
      await t?.close();
      tools?.dispose();
    });

    it('issues LDAP credentials to an establishment admin over HTTP, the password shown once', async () => {
      const admin = await staffUser(t, 'establishment_admin', orgs.a.id);
      const path = `/api/directory/organisations/${orgs.a.id}/ldap-credentials`;
      expect((await admin.client.get(path)).status).toBe(404);
      const issued = await admin.client.post<{ bindDn: string; password: string; createdAt: string }>(path);
      expect(issued.status).toBe(201);
      expect(issued.body.bindDn).toBe(`cn=admin,${branch(orgs.a.finess)}`);
      expect(issued.body.password.length).toBeGreaterThanOrEqual(24);
      const shown = await admin.client.get<Record<string, unknown>>(path);
      expect(shown.body).toMatchObject({ bindDn: issued.body.bindDn, createdAt: issued.body.createdAt });
      expect(shown.body).not.toHaveProperty('password');
      // Another establishment's admin may not; an establishment without FINESS cannot have any.
      const otherAdmin = await staffUser(t, 'establishment_admin', orgs.b.id);
      expect((await otherAdmin.client.post(path)).body).toMatchObject({
        error: { code: 'OUTSIDE_ESTABLISHMENT' },
      });
      const noFiness = await t.ctx.organisations.create(CONSOLE_ACTOR, {
        kind: 'ehpad',
        name: 'EHPAD sans FINESS',
      });
      const platform = await staffUser(t, 'platform_admin');
      const refused = await platform.client.post(
        `/api/directory/organisations/${noFiness.id}/ldap-credentials`,
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: { code: 'FINESS_REQUIRED' } });
      // Re-issuing replaces the password: the first one stops working.
      const again = await admin.client.post<{ password: string }>(path);
      bindDn = issued.body.bindDn;
      password = issued.body.password;
      expect((await ldap('ldapwhoami', [])).code).toBe(49);
      password = again.body.password;
      const whoami = await ldap('ldapwhoami', []);
      expect(whoami.stdout.trim()).toBe(`dn:${bindDn}`);
    });

    it('turns an ldapadd of two entries into two pending submissions, visible only to their establishment', async () => {
      const ldif =
        person(orgs.a.finess, 'jdupont', {
          cn: 'Jeanne Dupont',
          sn: 'Dupont',
          givenName: 'Jeanne',
          mail: 'jeanne.dupont@ch-dunkerque.test',
          title: 'Cardiologie et maladies vasculaires',
          'employeeType:': b64('Médecin'),
          departmentNumber: '59',
          employeeNumber: rpps,
          businessCategory: 'PER',
        }) +
        person(orgs.a.finess, 'cardio', {
          sn: 'Cardiologie',
          ou: 'Cardiologie',
          mail: 'cardiologie@ch-dunkerque.test',
          title: 'SM04',
          departmentNumber: '59',
        });
      const added = await ldap('ldapadd', ['-f', tools.file('two.ldif', ldif)]);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      const pending = await submissions(orgs.a.id);
      expect(pending).toHaveLength(2);
      expect(pending.every((s) => s.source === 'ldap' && s.submittedBy === `ldap:${orgs.a.finess}`)).toBe(
        true,
      );
      expect(pending.find((s) => s.fields.lastName === 'Dupont')?.fields).toMatchObject({
        firstName: 'Jeanne',
        specialty: 'SM04',
        profession: '10',
        nationalId: rpps,
        mailboxes: [{ address: 'jeanne.dupont@ch-dunkerque.test', kind: 'PER' }],
      });

      const own = await search(branch(orgs.a.finess), '(liaisonStatus=pending)', {
        bind: true,
        attrs: ['*', '+'],
      });
      expect(own.code).toBe(0);
      expect(own.entries.map((e) => values(e, 'uid')[0]).sort()).toEqual(['cardio', 'jdupont']);
      expect(own.entries.every((e) => values(e, 'liaisonStatus')[0] === 'pending')).toBe(true);
      const anonymous = await search(branch(orgs.a.finess), '(objectClass=inetOrgPerson)');
      expect(anonymous.code).toBe(0);
      expect(anonymous.entries).toHaveLength(0);
      // Adding the same name again is refused.
      const twice = await ldap('ldapadd', [
        '-f',
        tools.file(
          'again.ldif',
          person(orgs.a.finess, 'cardio', { sn: 'X', ou: 'X', mail: 'x@ch.test', title: 'SM04' }),
        ),
      ]);
      expect(twice.code).toBe(68);
    });

    it('publishes after a technician approves: anonymous reads find the inetOrgPerson attributes', async () => {
      await approveAll(orgs.a.id);
      const found = await search(BASE, '(uid=jdupont)', { args: ['-s', 'sub'] });
      expect(found.code).toBe(0);
      expect(found.entries).toHaveLength(1);
      const entry = found.entries[0];
      expect(entry?.dn).toBe(`uid=jdupont,${branch(orgs.a.finess)}`);
      expect(values(entry, 'cn')).toEqual(['Dupont Jeanne']);
      expect(values(entry, 'sn')).toEqual(['Dupont']);
      expect(values(entry, 'givenName')).toEqual(['Jeanne']);
      expect(values(entry, 'mail')).toEqual(['jeanne.dupont@ch-dunkerque.test']);
      expect(values(entry, 'o')).toEqual(['Centre hospitalier de Dunkerque']);
      expect(values(entry, 'title')).toEqual(['Cardiologie et Maladies vasculaires']);
      expect(values(entry, 'employeeType')).toEqual(['Médecin']);
      expect(values(entry, 'departmentNumber')).toEqual(['59']);
      expect(values(entry, 'employeeNumber')).toEqual([rpps]);
      expect(values(entry, 'objectClass')).toEqual([
        'top',
        'person',
        'organizationalPerson',
        'inetOrgPerson',
      ]);
      // Operational attributes only when asked.
      expect(values(entry, 'modifyTimestamp')).toEqual([]);
      const withOps = await search(BASE, '(uid=jdupont)', { args: ['-s', 'sub'], attrs: ['+'] });
      expect(values(withOps.entries[0], 'modifyTimestamp')).toEqual(['20260302080000Z']);
      expect(values(withOps.entries[0], 'liaisonStatus')).toEqual(['published']);
      expect(values(withOps.entries[0], 'cn')).toEqual([]);
      const compare = await ldap('ldapcompare', [`uid=jdupont,${branch(orgs.a.finess)}`, 'sn:dupont'], false);
      expect(compare.code).toBe(6);
    });

    it('turns ldapmodify into an update proposal and ldapdelete into a removal, both pending', async () => {
      const dn = `uid=jdupont,${branch(orgs.a.finess)}`;
      const change = `dn: ${dn}\nchangetype: modify\nreplace: mail\nmail: j.dupont@ch-dunkerque.test\n-\n`;
      const modified = await ldap('ldapmodify', ['-f', tools.file('mod.ldif', change)]);
      expect(modified.code).toBe(0);
      // Touching only what Liaison ignores (cn is derived) proposes nothing more.
      const cosmetic = `dn: ${dn}\nchangetype: modify\nreplace: cn\ncn: Jeanne D.\n-\n`;
      expect((await ldap('ldapmodify', ['-f', tools.file('cn.ldif', cosmetic)])).code).toBe(0);
      const [update] = await submissions(orgs.a.id);
      expect(update).toMatchObject({
        action: 'update',
        fields: { mailboxes: [{ address: 'j.dupont@ch-dunkerque.test', kind: 'PER' }] },
      });
      const own = await search(dn, '(objectClass=*)', {
        bind: true,
        args: ['-s', 'base'],
        attrs: ['mail', 'liaisonStatus'],
      });
      expect(values(own.entries[0], 'mail')).toEqual(['j.dupont@ch-dunkerque.test']);
      expect(values(own.entries[0], 'liaisonStatus')).toEqual(['pending']);
      const anonymous = await search(dn, '(objectClass=*)', { args: ['-s', 'base'], attrs: ['mail'] });
      expect(values(anonymous.entries[0], 'mail')).toEqual(['jeanne.dupont@ch-dunkerque.test']);

      const removed = await ldap('ldapdelete', [`uid=cardio,${branch(orgs.a.finess)}`]);
      expect(removed.code).toBe(0);
      expect((await submissions(orgs.a.id)).map((s) => s.action).sort()).toEqual(['remove', 'update']);
      expect((await ldap('ldapdelete', [`uid=nobody,${branch(orgs.a.finess)}`])).code).toBe(32);
      await approveAll(orgs.a.id);
      expect((await search(BASE, '(uid=cardio)', { args: ['-s', 'sub'] })).entries).toHaveLength(0);
    });

    it('refuses what an establishment may not write, and says why', async () => {
      const other = person(orgs.b.finess, 'intrus', {
        sn: 'Intrus',
        givenName: 'Ivan',
        mail: 'ivan@b.test',
        title: 'SM54',
      });
      const outside = await ldap('ldapadd', ['-f', tools.file('b.ldif', other)]);
      expect(outside.code).toBe(50);
      expect((await ldap('ldapadd', ['-f', tools.file('anon.ldif', other)], false)).code).toBe(50);
      const noReply = person(orgs.a.finess, 'robot', {
        sn: 'Robot',
        givenName: 'Rob',
        mail: 'no-reply@ch-dunkerque.test',
        title: 'SM54',
      });
      const refused = await ldap('ldapadd', ['-f', tools.file('noreply.ldif', noReply)]);
      expect(refused.code).toBe(19);
      expect(refused.stderr).toMatch(/mail\[0\]: no-reply@ch-dunkerque\.test is a no-reply address/);
      const badKey = rpps.slice(0, 10) + String((Number(rpps[10]) + 1) % 10);
      const badRpps = person(orgs.a.finess, 'badkey', {
        sn: 'Martin',
        givenName: 'Luc',
        mail: 'luc@ch.test',
        title: 'SM54',
        employeeNumber: badKey,
      });
      const keyRefused = await ldap('ldapadd', ['-f', tools.file('rpps.ldif', badRpps)]);
      expect(keyRefused.code).toBe(19);
      expect(keyRefused.stderr).toMatch(/employeeNumber: RPPS/);
      const wrongName = `dn: cn=Luc Martin,${branch(orgs.a.finess)}\nobjectClass: inetOrgPerson\nsn: Martin\ncn: Luc Martin\n\n`;
      expect((await ldap('ldapadd', ['-f', tools.file('cn.ldif', wrongName)])).code).toBe(64);
      const badDn = `dn: uid=x,ou=${orgs.a.finess},ou=establishments,${BASE}+cn=y\nobjectClass: inetOrgPerson\nsn: X\n\n`;
      const invalid = await ldap('ldapadd', ['-f', tools.file('dn.ldif', badDn)]);
      expect(invalid.code).toBe(34);
      const unreadable = await ldap('ldapadd', [
        '-f',
        tools.file('foo.ldif', 'dn: foo\nobjectClass: inetOrgPerson\n\n'),
      ]);
      expect(unreadable.code).toBe(34);
      expect(unreadable.stderr).toMatch(/invalid DN/);
      const rename = await ldap('ldapmodrdn', [`uid=jdupont,${branch(orgs.a.finess)}`, 'uid=jeanne']);
      expect(rename.code).toBe(53);
      expect(
        (
          await tools.run('ldapsearch', [
            '-x',
            '-H',
            url,
            '-D',
            bindDn,
            '-w',
            'wrong',
            '-b',
            BASE,
            '-s',
            'base',
          ])
        ).code,
      ).toBe(49);
    });

    it('publishes the mailbox certificate of a Liaison address as userCertificate;binary', async () => {
      const tech = await staffUser(t, 'technician');
      const jeanne = await mailUser(t, tech.client, 'Hélène', 'Lefèvre');
      const ldif = person(orgs.a.finess, 'hlefevre', {
        'sn:': b64('Lefèvre'),
        'givenName:': b64('Hélène'),
        mail: jeanne.address,
        title: 'SM54',
        employeeNumber: jeanne.rpps,
      });
      expect((await ldap('ldapadd', ['-f', tools.file('cert.ldif', ldif)])).code).toBe(0);
      t.clock.advance(24 * 3600_000);
      await approveAll(orgs.a.id);
      const found = await search(branch(orgs.a.finess), '(sn=lefevre)');
      expect(found.entries).toHaveLength(1);
      const [der] = found.entries[0]!.attrs.get('userCertificate;binary') ?? [];
      const pem = Buffer.from(jeanne.encryptionCertificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
      expect(Buffer.isBuffer(der) && der.equals(pem)).toBe(true);
      expect(found.entries[0]!.attrs.get('userSMIMECertificate;binary')).toHaveLength(1);
    });

    it('evaluates equality, presence, substring, and/or/not and modifyTimestamp filters', async () => {
      const dns = async (filter: string) =>
        (await search(branch(orgs.a.finess), filter, { attrs: ['1.1'] })).entries
          .map((e) => e.dn.split(',')[0])
          .sort();
      expect(await dns('(sn=Dupont)')).toEqual(['uid=jdupont']);
      expect(await dns('(employeeNumber=*)')).toEqual(['uid=hlefevre', 'uid=jdupont']);
      expect(await dns(`(employeeNumber=${rpps})`)).toEqual(['uid=jdupont']);
      expect(await dns('(mail=J.Dupont@CH-Dunkerque.test)')).toEqual(['uid=jdupont']);
      expect(await dns('(mail=jeanne.dupont@ch-dunkerque.test)')).toEqual([]);
      expect(await dns('(cn=*UPO*)')).toEqual(['uid=jdupont']);
      expect(await dns('(cn=lef*ne)')).toEqual(['uid=hlefevre']);
      // Accented values as clients send them (UTF-8, escaped on the wire), accents optional either way.
      expect(await dns('(sn=Lefèvre)')).toEqual(['uid=hlefevre']);
      expect(await dns('(sn=LEFEVRE)')).toEqual(['uid=hlefevre']);
      expect(await dns('(givenName=Hélène)')).toEqual(['uid=hlefevre']);
      expect(await dns('(cn=Lefè*)')).toEqual(['uid=hlefevre']);
      expect(await dns('(sn=Lef\\c3\\a8vre)')).toEqual(['uid=hlefevre']);
      expect(await dns('(cn=\\4cef*)')).toEqual(['uid=hlefevre']);
      expect(await dns('(&(objectClass=inetOrgPerson)(|(sn=Dupont)(givenName=helene)))')).toEqual([
        'uid=hlefevre',
        'uid=jdupont',
      ]);
      expect(await dns('(&(objectClass=inetOrgPerson)(!(sn=Dupont)))')).toEqual(['uid=hlefevre']);
      // LDAP logic: the branch has no sn, so (sn=Dupont) is false for it and its negation true.
      expect(await dns('(!(sn=Dupont))')).toEqual([`ou=${orgs.a.finess}`, 'uid=hlefevre']);
      expect(await dns('(modifyTimestamp>=20260303000000Z)')).toEqual(['uid=hlefevre']);
      expect(await dns('(modifyTimestamp<=20260302235959Z)')).toEqual(['uid=jdupont']);
      const chosen = await search(branch(orgs.a.finess), '(sn=Dupont)', { attrs: ['mail', 'givenName'] });
      expect([...chosen.entries[0]!.attrs.keys()].sort()).toEqual(['givenName', 'mail']);
      // Scopes: one level under the establishments lists their branches; base reads one object.
      const branches = await search(`ou=establishments,${BASE}`, '(objectClass=*)', {
        args: ['-s', 'one'],
        attrs: ['1.1'],
      });
      expect(branches.entries.map((e) => e.dn)).toEqual(
        expect.arrayContaining([branch(orgs.a.finess), branch(orgs.b.finess), branch(orgs.bulk.finess)]),
      );
      expect(branches.entries.every((e) => /^ou=\d{9},ou=establishments,/.test(e.dn))).toBe(true);
      const one = await search(`uid=jdupont,${branch(orgs.a.finess)}`, '(objectClass=*)', {
        args: ['-s', 'base'],
      });
      expect(one.entries).toHaveLength(1);
      expect(
        (await search(`uid=nobody,${branch(orgs.a.finess)}`, '(objectClass=*)', { args: ['-s', 'base'] }))
          .code,
      ).toBe(32);
      expect((await search(branch('123456782'), '(objectClass=*)')).code).toBe(32);
      const typesOnly = await search(branch(orgs.a.finess), '(sn=Dupont)', { args: ['-A'], attrs: ['mail'] });
      expect(typesOnly.stdout).toMatch(/^mail:\s*$/m);
    });

    it('enforces size limits and walks large results with the paged results control', async () => {
      const now = t.clock.now().toISOString();
      const rows = Array.from({ length: 1005 }, (_, i) => ({
        id: crypto.randomUUID(),
        organisation_id: orgs.bulk.id,
        state: 'published' as const,
        version: 1,
        ...fieldColumns({
          lastName: `Nom${i}`,
          firstName: 'Prénom',
          profession: '10',
          specialty: 'SM54',
          nationalIdKind: null,
          nationalId: null,
          serviceName: null,
          mailboxes: [{ address: `p${i}@chu.test`, kind: 'PER' }],
          departement: '59',
          groupName: null,
          proxyUser: false,
          acceptsAttachments: true,
          unlisted: false,
        }),
        ldap_rdn: `uid=p${i}`,
        created_at: now,
        published_at: now,
        modified_at: now,
        retired_at: null,
        rpps_left_at: null,
      }));
      await t.ctx.db.transaction(async (tx) => {
        for (let i = 0; i < rows.length; i += 50)
          await tx.db
            .insertInto('directory_entries')
            .values(rows.slice(i, i + 50))
            .execute();
      });
      const bulk = branch(orgs.bulk.finess);
      const limited = await search(bulk, '(objectClass=inetOrgPerson)', {
        args: ['-z', '3'],
        attrs: ['1.1'],
      });
      expect(limited.code).toBe(4);
      expect(limited.entries).toHaveLength(3);
      const unpaged = await search(bulk, '(objectClass=inetOrgPerson)', { attrs: ['1.1'] });
      expect(unpaged.code).toBe(4);
      expect(unpaged.entries).toHaveLength(1000);
      const five = '(|(uid=p1)(uid=p2)(uid=p3)(uid=p4)(uid=p5))';
      const paged = await search(bulk, five, { args: ['-E', 'pr=2/noprompt'], attrs: ['uid'] });
      expect(paged.code).toBe(0);
      expect(paged.entries.map((e) => values(e, 'uid')[0]).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
      const walk = await search(BASE, '(objectClass=inetOrgPerson)', {
        args: ['-E', 'pr=300/noprompt'],
        attrs: ['1.1'],
      });
      expect(walk.code).toBe(0);
      const dns = walk.entries.map((e) => e.dn);
      expect(new Set(dns).size).toBe(dns.length);
      expect(dns.filter((dn) => dn.endsWith(bulk))).toHaveLength(1005);
    });

    it('stays up when a client sends garbage or disconnects in the middle of a search', async () => {
      const port = Number(new URL(listener.plainUrl!).port);
      await new Promise<void>((resolve) => {
        const socket = tcpConnect(port, '127.0.0.1', () =>
          socket.end(Buffer.from('3084ffffffff0a0b0c0d', 'hex')),
        );
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
      });
      await new Promise<void>((resolve) => {
        const child = spawn('ldapsearch', ['-x', '-H', listener.plainUrl!, '-b', BASE, '(objectClass=*)'], {
          env: { PATH: process.env.PATH, LDAPNOINIT: '1' },
        });
        child.stdout.once('data', () => child.kill('SIGKILL'));
        child.on('close', () => resolve());
      });
      const after = await search(BASE, '(uid=jdupont)', { args: ['-s', 'sub'] });
      expect(after.entries).toHaveLength(1);
    });

    it('throttles password guessing per establishment, then lets the right password in again', async () => {
      const guess = () =>
        tools.run('ldapwhoami', ['-x', '-H', url, '-D', `cn=admin,${branch(orgs.b.finess)}`, '-w', 'guess']);
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) codes.push((await guess()).code);
      expect(codes.slice(0, 10).every((c) => c === 49)).toBe(true);
      expect(codes[10]).toBe(51);
      // Establishment A is not locked out by guesses on B.
      expect((await ldap('ldapwhoami', [])).code).toBe(0);
      t.clock.advance(16 * 60_000);
      expect((await guess()).code).toBe(49);
    });

    it('serves plain LDAP on the loopback port, and keeps anonymous readers out when the directory is private', async () => {
      expect(listener.plainUrl).toMatch(/^ldap:\/\/127\.0\.0\.1:\d+$/);
      const plain = await ldap(
        'ldapsearch',
        ['-LLL', '-b', BASE, '(uid=jdupont)', 'uid'],
        false,
        listener.plainUrl!,
      );
      expect(plain.code).toBe(0);
      expect(parseLdif(plain.stdout)).toHaveLength(1);
      const rootDse = await search('', '(objectClass=*)', {
        args: ['-s', 'base'],
        attrs: ['namingContexts', 'supportedControl'],
      });
      expect(values(rootDse.entries[0], 'namingContexts')).toEqual([BASE]);
      t.ctx.config.directoryPublic = false;
      try {
        expect((await search(BASE, '(uid=jdupont)')).code).toBe(50);
        expect((await search(BASE, '(uid=jdupont)', { bind: true })).entries).toHaveLength(1);
      } finally {
        t.ctx.config.directoryPublic = true;
      }
    });
  });
}

describe('LDAP configuration', () => {
  it('defaults the base DN to the mail domain and refuses LDAPS without a TLS certificate', async () => {
    const { buildConfig } = await import('../src/config/config.ts');
    const { ConfigError } = await import('../src/errors.ts');
    expect(buildConfig({ LIAISON_MAIL_DOMAIN: 'liaison.example.fr' }).ldap).toEqual({
      port: null,
      plainPort: null,
      baseDn: 'dc=liaison,dc=example,dc=fr',
    });
    expect(
      buildConfig({ LIAISON_LDAP_PLAIN_PORT: '3389', LIAISON_LDAP_BASE_DN: 'O=Liaison, C=FR' }).ldap,
    ).toEqual({
      port: null,
      plainPort: 3389,
      baseDn: 'o=Liaison,c=FR',
    });
    expect(() => buildConfig({ LIAISON_LDAP_PORT: '636' })).toThrow(ConfigError);
    expect(() => buildConfig({ LIAISON_LDAP_PORT: '636' })).toThrow(/LIAISON_TLS_CERT/);
    expect(() => buildConfig({ LIAISON_LDAP_BASE_DN: 'liaison' })).toThrow(/LIAISON_LDAP_BASE_DN/);
    expect(() => buildConfig({ LIAISON_LDAP_PLAIN_PORT: 'ldap' })).toThrow(/LIAISON_LDAP_PLAIN_PORT/);
  });
});
