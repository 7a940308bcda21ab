import { Charter, Registration } from '@liaison/core/api/index';
import { createCsr, generateEncryptionKeyPair } from '@liaison/core/crypto/index';
import { randomRpps } from '@liaison/core/synthetic/index';
import type { Stack } from './stack.ts';
import { totpCode } from './totp.ts';

/**
 * Many verified colleagues who can receive letters, made over the real HTTP API the way the CLI does
 * it (bearer sessions): registration, a technician's approval, TOTP enrolment, a device, an
 * encryption certificate. A browser journey needs them as recipients, not as people at a screen, so
 * this is much faster than signing each one in with Chromium.
 */
export interface Colleague {
  firstName: string;
  lastName: string;
  address: string;
  /** What this colleague's inbox holds now (synced from the start: every item ever filed). */
  inboxIds: () => Promise<string[]>;
}

class Http {
  constructor(
    private readonly base: string,
    private token: string | null = null,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  use(token: string): void {
    this.token = token;
  }
}

/** Signs a person in with a bearer session, enrolling TOTP on the first sign-in. */
async function signIn(base: string, email: string, password: string): Promise<Http> {
  const http = new Http(base);
  const login = await http.call<{ stage: string; token: string }>('POST', '/api/auth/login', {
    email,
    password,
    tokenType: 'bearer',
  });
  http.use(login.token);
  if (login.stage !== 'enrol-totp') throw new Error(`expected a first sign-in, got stage ${login.stage}`);
  const enrol = await http.call<{ secret: string }>('POST', '/api/auth/totp/enrol');
  const { code } = await totpCode(enrol.secret, null);
  const done = await http.call<{ token?: string }>('POST', '/api/auth/totp/confirm', { code });
  if (done.token) http.use(done.token);
  return http;
}

/** A technician created at the console, signed in over HTTP, to approve registrations. */
async function technician(stack: Stack): Promise<Http> {
  const email = `technicien.${Date.now()}@liaison.test`;
  const password = 'technicien du support de la plateforme';
  await stack.createUser({ email, password, firstName: 'Tess', lastName: 'Support', role: 'technician' });
  return signIn(stack.server.baseUrl, email, password);
}

async function colleague(
  stack: Stack,
  approver: Http,
  charterVersion: number,
  name: { firstName: string; lastName: string },
): Promise<Colleague> {
  const base = stack.server.baseUrl;
  const rpps = randomRpps();
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  const email = `${ascii(name.firstName)}.${ascii(name.lastName)}.${rpps}@cabinet.liaison.test`;
  const password = 'une phrase de passe de confrere';
  const registration = Registration.parse(
    await new Http(base).call('POST', '/api/registrations', {
      email,
      password,
      firstName: name.firstName,
      lastName: name.lastName,
      role: 'professional',
      nationalIdKind: 'rpps',
      nationalId: rpps,
      profession: '10',
      specialty: 'SM54',
      charterVersion,
    }),
  );
  await approver.call('POST', `/api/registrations/${registration.id}/approve`);
  const http = await signIn(base, email, password);
  await http.call('POST', '/api/devices', {
    name: 'Poste du cabinet',
    kind: 'cli',
  });
  const subject = await http.call<{ commonName: string; serialNumber: string | null; emails: string[] }>(
    'GET',
    '/api/pki/subject?usage=encryption',
  );
  const keyPair = await generateEncryptionKeyPair();
  const csrPem = await createCsr({
    keyPair,
    usage: 'encryption',
    subject: {
      commonName: subject.commonName,
      serialNumber: subject.serialNumber ?? undefined,
      email: subject.emails[0]!,
    },
  });
  await http.call('POST', '/api/pki/csr', { usage: 'encryption', csrPem });
  const address = subject.emails[0]!;
  const inboxIds = async () =>
    (
      await http.call<{ items: Array<{ id: string; folder: string }> }>(
        'GET',
        `/api/mail/boxes/${encodeURIComponent(address)}/messages?since=0&limit=500`,
      )
    ).items
      .filter((item) => item.folder === 'inbox')
      .map((item) => item.id);
  return { ...name, address, inboxIds };
}

/** `names.length` colleagues, a few at a time (RSA key generation is the slow part). */
export async function keyedColleagues(
  stack: Stack,
  names: ReadonlyArray<{ firstName: string; lastName: string }>,
): Promise<Colleague[]> {
  const approver = await technician(stack);
  const charter = Charter.pick({ version: true }).parse(
    await (await fetch(`${stack.server.baseUrl}/api/charter`)).json(),
  );
  const made: Colleague[] = [];
  for (let i = 0; i < names.length; i += 6) {
    made.push(
      ...(await Promise.all(
        names.slice(i, i + 6).map((name) => colleague(stack, approver, charter.version, name)),
      )),
    );
  }
  return made;
}
