import type { Command } from 'commander';
import { saveSession } from '../credentials.ts';
import { Prompter } from '../prompt.ts';

interface ApiAnswer {
  stage?: 'totp' | 'enrol-totp' | 'done';
  token?: string;
  error?: { code: string; message: string };
}

async function post(server: string, path: string, body: unknown, token?: string): Promise<ApiAnswer> {
  let res: Response;
  try {
    res = await fetch(new URL(path, server), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error(`cannot reach ${server}`);
  }
  const answer = (await res.json()) as ApiAnswer;
  if (!res.ok)
    throw Object.assign(new Error(answer.error?.message ?? `HTTP ${res.status}`), {
      code: answer.error?.code,
    });
  return answer;
}

export function registerLoginCommand(program: Command): void {
  program
    .command('login')
    .description('sign in to a Liaison server (password + TOTP) and keep a bearer token for the CLI')
    .option('--server <url>', 'server URL (default: LIAISON_PUBLIC_URL or http://localhost:8080)')
    .option('--email <email>', 'account email (asked when missing)')
    .option('--totp <code>', 'the 6-digit code from the authenticator (asked when missing)')
    .action(async (opts: { server?: string; email?: string; totp?: string }) => {
      const server = opts.server ?? process.env.LIAISON_PUBLIC_URL ?? 'http://localhost:8080';
      const prompt = new Prompter();
      try {
        const email = opts.email ?? (await prompt.ask('Email: '));
        const password = await prompt.ask('Password: ', true);
        const first = await post(server, '/api/auth/login', { email, password, tokenType: 'bearer' });
        if (first.stage === 'enrol-totp') {
          throw new Error('this account has no second factor yet: finish enrolment in the web app first');
        }
        const code = opts.totp ?? (await prompt.ask('TOTP code: ', true));
        const second = await post(server, '/api/auth/totp/verify', { code }, first.token);
        if (!second.token) throw new Error('the server returned no token');
        const path = saveSession({ server, email, token: second.token, savedAt: new Date().toISOString() });
        process.stdout.write(`signed in to ${server} as ${email} (token kept in ${path})\n`);
      } catch (err) {
        const e = err as Error & { code?: string };
        process.stderr.write(`${e.code ? e.code + ': ' : ''}${e.message}\n`);
        process.exitCode = 1;
      } finally {
        prompt.close();
      }
    });
}
