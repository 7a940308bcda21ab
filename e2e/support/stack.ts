import { Organisation } from '@liaison/core/api/index';
import { randomFiness } from '@liaison/core/synthetic/index';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { ensureWebAppBuilt, startServer, type RunningServer } from './server.ts';

/** A real server on a fresh SQLite directory plus one Chromium, shared by the tests of one file. */
export interface Stack {
  server: RunningServer;
  browser: Browser;
  /** Each test gets its own context: no cookie or localStorage leaks between tests. */
  newPage: () => Promise<{ context: BrowserContext; page: Page }>;
  createUser: (user: NewUser) => Promise<void>;
  createOrganisation: (name: string) => Promise<string>;
  stop: () => Promise<void>;
}

export interface NewUser {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  role: string;
  organisationId?: string;
}

export async function startStack(serverEnv: NodeJS.ProcessEnv = {}): Promise<Stack> {
  await ensureWebAppBuilt();
  const server = await startServer(serverEnv);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    browser,
    newPage: async () => {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        locale: 'fr-FR',
        viewport: { width: 1280, height: 900 },
      });
      return { context, page: await context.newPage() };
    },
    createUser: async (user) => {
      await server.cli(
        'admin',
        'create-user',
        '--email',
        user.email,
        '--password',
        user.password,
        '--first-name',
        user.firstName,
        '--last-name',
        user.lastName,
        '--role',
        user.role,
        ...(user.organisationId ? ['--org', user.organisationId] : []),
      );
    },
    createOrganisation: async (name) => {
      const json = await server.cli(
        'admin',
        'create-org',
        '--name',
        name,
        '--kind',
        'hospital',
        '--finess',
        randomFiness(),
        '--json',
      );
      return Organisation.parse(JSON.parse(json)).id;
    },
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}
