import { CreateUserRequest } from '@liaison/core/api/accounts';
import { CreateOrganisationRequest } from '@liaison/core/api/organisations';
import { ORGANISATION_KINDS, ROLES } from '@liaison/core/api/common';
import type { Command } from 'commander';
import { CONSOLE_ACTOR } from '@liaison/server/auth/actor';
import { reportError, withContext } from '../context.ts';
import { registerAdminCharterCommands } from './adminCharter.ts';

const run = (fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (err) {
    reportError(err);
  }
};

export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .description('operate the instance from its console (uses LIAISON_DATABASE_URL)');

  admin
    .command('bootstrap')
    .description('print a one-time link to create the first platform admin')
    .action(
      run(() =>
        withContext(async (ctx) => {
          const link = await ctx.setup.issueSetupLink();
          if (!link) {
            process.stdout.write(
              'A platform admin already exists: sign in at ' + ctx.config.publicUrl + '\n',
            );
            return;
          }
          process.stdout.write(
            `Open this one-time link (valid 24 h) to create the first platform admin:\n${link}\n`,
          );
        }),
      ),
    );

  admin
    .command('create-org')
    .description('create an establishment')
    .requiredOption('--name <name>', 'establishment name')
    .requiredOption('--kind <kind>', ORGANISATION_KINDS.join('|'))
    .option('--finess <finess>', 'FINESS number (checked)')
    .option('--city <city>')
    .option('--postal-code <code>')
    .option('--json', 'print the result as JSON')
    .action(
      (opts: {
        name: string;
        kind: string;
        finess?: string;
        city?: string;
        postalCode?: string;
        json?: boolean;
      }) =>
        run(() =>
          withContext(async (ctx) => {
            const input = CreateOrganisationRequest.parse({
              name: opts.name,
              kind: opts.kind,
              ...(opts.finess ? { finess: opts.finess } : {}),
              ...(opts.city ? { city: opts.city } : {}),
              ...(opts.postalCode ? { postalCode: opts.postalCode } : {}),
            });
            const org = await ctx.organisations.create(CONSOLE_ACTOR, input);
            process.stdout.write(
              opts.json ? JSON.stringify(org) + '\n' : `created establishment ${org.name} (${org.id})\n`,
            );
          }),
        )(),
    );

  admin
    .command('create-user')
    .description('create an active account with a role (already verified)')
    .requiredOption('--email <email>')
    .requiredOption('--password <password>', 'initial password (at least 12 characters)')
    .requiredOption('--first-name <name>')
    .requiredOption('--last-name <name>')
    .requiredOption('--role <role>', ROLES.join('|'))
    .option('--org <id>', 'establishment id (for establishment admins and staff)')
    .option('--json', 'print the result as JSON')
    .action(
      (opts: {
        email: string;
        password: string;
        firstName: string;
        lastName: string;
        role: string;
        org?: string;
        json?: boolean;
      }) =>
        run(() =>
          withContext(async (ctx) => {
            const input = CreateUserRequest.parse({
              email: opts.email,
              password: opts.password,
              firstName: opts.firstName,
              lastName: opts.lastName,
              role: opts.role,
              ...(opts.org ? { organisationId: opts.org } : {}),
            });
            const id = await ctx.users.create(CONSOLE_ACTOR, input);
            process.stdout.write(
              opts.json
                ? JSON.stringify({ id, email: input.email, role: input.role }) + '\n'
                : `created ${input.role} ${input.email} (${id})\n`,
            );
          }),
        )(),
    );

  admin
    .command('registrations')
    .description('list registrations waiting for verification')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withContext(async (ctx) => {
          const list = await ctx.registrations.list(CONSOLE_ACTOR, 'pending');
          if (opts.json) {
            process.stdout.write(JSON.stringify(list) + '\n');
            return;
          }
          if (list.length === 0) process.stdout.write('no pending registration\n');
          for (const r of list) {
            process.stdout.write(
              `${r.id}  ${r.lastName} ${r.firstName}  ${r.role}  ${r.nationalId ?? '-'}  ${r.email}\n`,
            );
          }
        }),
      )(),
    );

  admin
    .command('approve <registrationId>')
    .description('approve a pending registration')
    .action((id: string) =>
      run(() =>
        withContext(async (ctx) => {
          const r = await ctx.registrations.approve(CONSOLE_ACTOR, id);
          process.stdout.write(`approved ${r.firstName} ${r.lastName} (${r.email})\n`);
        }),
      )(),
    );

  admin
    .command('reject <registrationId>')
    .description('reject a pending registration')
    .requiredOption('--reason <reason>')
    .action((id: string, opts: { reason: string }) =>
      run(() =>
        withContext(async (ctx) => {
          const r = await ctx.registrations.reject(CONSOLE_ACTOR, id, opts.reason);
          process.stdout.write(`rejected ${r.firstName} ${r.lastName}: ${opts.reason}\n`);
        }),
      )(),
    );

  registerAdminCharterCommands(admin);

  const audit = admin.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('check the hash chain, the signed head and the checkpoints; exit 1 on any problem')
    .option('--json', 'print the report as JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withContext(async (ctx) => {
          const report = await ctx.audit.verify();
          if (opts.json) process.stdout.write(JSON.stringify(report) + '\n');
          else if (report.ok) process.stdout.write(`audit log intact: ${report.events} events\n`);
          else {
            process.stdout.write(
              `audit log DAMAGED (${report.problems.length} problems, ${report.events} events read)\n`,
            );
            for (const p of report.problems)
              process.stdout.write(`  seq ${p.seq ?? '-'}: ${p.kind}: ${p.message}\n`);
          }
          if (!report.ok) process.exitCode = 1;
        }),
      )(),
    );
}
