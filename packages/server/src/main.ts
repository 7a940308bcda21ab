import { buildApp } from './http/app.ts';
import { buildConfig, readEnv } from './config/index.ts';
import { createContext, type AppContext } from './context.ts';
import { startLdapListener } from './ldap/server.ts';

export interface RunningServer {
  ctx: AppContext;
  url: string;
  stop(): Promise<void>;
}

/** Starts the whole instance: storage, jobs, HTTP. Prints the setup link while no admin exists. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = buildConfig(readEnv(env));
  const ctx = await createContext(config);
  // First start creates the CA (a few seconds); a wrong LIAISON_SECRET fails here, not at a request.
  await ctx.pki.ensureAuthority();
  const app = await buildApp(ctx);
  await app.listen({ port: config.http.port, host: config.http.host });
  // LDAP (LDAPS, and plain LDAP on loopback) only when a port is configured.
  const ldap =
    config.ldap.port !== null || config.ldap.plainPort !== null
      ? await startLdapListener({ ldap: ctx.ldap, logger: ctx.logger, config })
      : null;
  if (ldap) ctx.logger.info({ ldaps: ldap.ldapsUrl, ldap: ldap.plainUrl }, 'LDAP directory listening');
  ctx.scheduler.start(15_000);
  const setupLink = await ctx.setup.issueSetupLink();
  if (setupLink) {
    // Printed, not logged: a one-time credential for whoever started the server.
    process.stdout.write(
      `\n  Liaison is running at ${config.publicUrl}\n` +
        `  No platform admin yet. Open this one-time link (valid 24 h) to create one:\n\n    ${setupLink}\n\n` +
        `  (a new link is printed at each start until setup is done; \`npx liaison admin bootstrap\` prints one too)\n\n`,
    );
  } else {
    process.stdout.write(`\n  Liaison is running at ${config.publicUrl}\n\n`);
  }
  return {
    ctx,
    url: config.publicUrl,
    async stop() {
      await ldap?.stop();
      await app.close();
      await ctx.close();
    },
  };
}
