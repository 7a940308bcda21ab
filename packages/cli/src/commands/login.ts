import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ApiClient } from '../api.ts';
import type { MeView } from '../apiTypes.ts';
import { saveSession } from '../credentials.ts';
import { Keystore, keystoreHome } from '../keystore.ts';
import { Prompter } from '../prompt.ts';

interface LoginAnswer {
  stage?: 'totp' | 'enrol-totp' | 'done';
  token?: string;
}

/**
 * The device token of the keystore at `home`, when it belongs to `server`: sent at login so the new
 * session is bound to this enrolled device (key material is served only to enrolled devices).
 */
function deviceTokenFor(home: string, server: string): string | undefined {
  if (!existsSync(join(home, 'keystore.json'))) return undefined;
  const store = Keystore.open(home);
  const device = store.state.device;
  if (!device || device.status === 'revoked') return undefined;
  const same = (store.state.server ?? '').replace(/\/+$/, '') === server.replace(/\/+$/, '');
  return same ? device.token : undefined;
}

/**
 * The web app asks for a newly published charter at sign-in; the CLI cannot show a screen, so it says
 * what to run (sending is refused until then). A failed look-up changes nothing: the sign-in worked.
 */
async function remindCharter(api: ApiClient): Promise<void> {
  const me = await api.get<MeView>('/api/me').catch(() => null);
  if (!me || me.charterCurrentVersion === undefined || me.charterVersion === me.charterCurrentVersion) return;
  process.stderr.write(
    `Version ${me.charterCurrentVersion} of the usage charter is in force: read and accept it before sending: liaison charter accept\n`,
  );
}

export function registerLoginCommand(program: Command): void {
  program
    .command('login')
    .description('sign in to a Liaison server (password + TOTP) and keep a bearer token for the CLI')
    .option('--server <url>', 'server URL (default: LIAISON_PUBLIC_URL or http://localhost:8080)')
    .option('--email <email>', 'account email (asked when missing)')
    .option('--totp <code>', 'the 6-digit code from the authenticator (asked when missing)')
    .option(
      '--home <dir>',
      'keystore whose enrolled device this session is for (default: LIAISON_HOME or ~/.liaison)',
    )
    .action(async (opts: { server?: string; email?: string; totp?: string; home?: string }) => {
      const server = opts.server ?? process.env.LIAISON_PUBLIC_URL ?? 'http://localhost:8080';
      const prompt = new Prompter();
      try {
        const deviceToken = deviceTokenFor(keystoreHome(opts.home), server);
        const email = opts.email ?? (await prompt.ask('Email: '));
        const password = await prompt.ask('Password: ', true);
        const anonymous = new ApiClient(server, deviceToken ? { deviceToken } : {});
        const first = await anonymous.post<LoginAnswer>('/api/auth/login', {
          email,
          password,
          tokenType: 'bearer',
        });
        if (first.stage === 'enrol-totp') {
          throw new Error('this account has no second factor yet: finish enrolment in the web app first');
        }
        const code = opts.totp ?? (await prompt.ask('TOTP code: ', true));
        const partial = new ApiClient(server, { token: first.token ?? '' });
        const second = await partial.post<LoginAnswer>('/api/auth/totp/verify', { code });
        if (!second.token) throw new Error('the server returned no token');
        const path = saveSession({ server, email, token: second.token, savedAt: new Date().toISOString() });
        const bound = deviceToken ? ', bound to this keystore’s device' : '';
        process.stdout.write(`signed in to ${server} as ${email} (token kept in ${path}${bound})\n`);
        await remindCharter(new ApiClient(server, { token: second.token }));
      } catch (err) {
        const e = err as Error & { code?: string; hint?: string };
        process.stderr.write(`${e.code ? e.code + ': ' : ''}${e.message}\n`);
        if (e.hint) process.stderr.write(`${e.hint}\n`);
        process.exitCode = 1;
      } finally {
        prompt.close();
      }
    });
}
