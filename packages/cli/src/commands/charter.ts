/**
 * `liaison charter show|accept`: the usage charter in force. When a platform admin publishes a new
 * version, sending waits until the person accepts it (CHARTER_NOT_ACCEPTED); the web app asks at the
 * next sign-in, the CLI with `liaison charter accept`.
 *
 * Exit codes: 0 shown or accepted (or already accepted), 1 refused (`CODE: message` on stderr:
 * CONFIRMATION_REQUIRED without a terminal nor --yes, CHARTER_DECLINED, server codes…).
 */
import { Option, type Command } from 'commander';
import type { Charter, Me } from '@liaison/core/api/accounts';
import { ApiClient } from '../api.ts';
import { loadSession } from '../credentials.ts';
import { action, CliFailure } from '../failure.ts';
import { Prompter } from '../prompt.ts';
import { connect } from '../remote.ts';

type Lang = 'fr' | 'en';

const langOption = () =>
  new Option('--lang <lang>', 'language of the text').choices(['fr', 'en']).default('fr');

/** The charter as a terminal shows it: title and version, then the articles. */
function printCharter(charter: Charter): void {
  const published = charter.publishedAt ? `, published ${charter.publishedAt.slice(0, 10)}` : '';
  process.stdout.write(`${charter.title}\n(version ${charter.version}${published})\n\n${charter.text}\n`);
}

async function show(opts: { lang: Lang; server?: string }): Promise<void> {
  // The charter is public: no session needed, only a server (the signed-in one by default).
  const server =
    opts.server ?? loadSession()?.server ?? process.env.LIAISON_PUBLIC_URL ?? 'http://localhost:8080';
  printCharter(await new ApiClient(server).get<Charter>(`/api/charter?lang=${opts.lang}`));
}

/** y/N on a terminal; without one, only --yes accepts (a script must say so explicitly). */
async function confirm(version: number, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new CliFailure(
      'CONFIRMATION_REQUIRED',
      'standard input is not a terminal: nobody can answer "accept?"',
      1,
      'Read the charter (liaison charter show), then accept it with: liaison charter accept --yes',
    );
  }
  const prompt = new Prompter();
  try {
    const answer = await prompt.ask(`Accept version ${version} of the usage charter? [y/N] `);
    if (!/^(y|yes|o|oui)$/i.test(answer)) {
      throw new CliFailure('CHARTER_DECLINED', 'not accepted: sending stays blocked until you accept it');
    }
  } finally {
    prompt.close();
  }
}

async function accept(opts: { lang: Lang; yes?: boolean }): Promise<void> {
  const remote = connect();
  const charter = await remote.api.get<Charter>(`/api/charter?lang=${opts.lang}`);
  const me = await remote.api.get<Me>('/api/me');
  if (me.charterVersion === charter.version) {
    process.stdout.write(`You already accepted version ${charter.version} of the usage charter.\n`);
    return;
  }
  printCharter(charter);
  process.stdout.write('\n');
  await confirm(charter.version, opts.yes);
  // The version shown is the one accepted: if another was published meanwhile, the server refuses
  // (CHARTER_VERSION_STALE) rather than record consent to a text nobody showed.
  const updated = await remote.api.post<Me>('/api/charter/accept', { version: charter.version });
  process.stdout.write(
    `Accepted version ${updated.charterVersion ?? charter.version} of the usage charter.\n`,
  );
}

export function registerCharterCommands(program: Command): void {
  const charter = program.command('charter').description('the usage charter in force: read it, accept it');

  charter
    .command('show')
    .description('print the usage charter in force (title, version, numbered articles)')
    .addOption(langOption())
    .option('--server <url>', 'server URL (default: the signed-in server, LIAISON_PUBLIC_URL or localhost)')
    .action(action(show));

  charter
    .command('accept')
    .description(
      'show the charter in force and accept it (asks "[y/N]" on a terminal); sending waits until you do',
    )
    .addOption(langOption())
    .option('--yes', 'accept without asking (required when standard input is not a terminal)')
    .action(action(accept));
}
