import type { Logger } from 'pino';
import { ActivationService } from './accounts/activation.ts';
import { RegistrationService } from './accounts/registrations.ts';
import { UserService } from './accounts/users.ts';
import { AddressBookService } from './addressBook/service.ts';
import { AuditLog } from './audit/index.ts';
import { LoginService } from './auth/login.ts';
import { RateLimiter } from './auth/rateLimit.ts';
import { SessionService } from './auth/sessions.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config/config.ts';
import { resolveInstanceSecret, type InstanceSecret } from './config/secret.ts';
import { connectDatabase, migrateToLatest } from './db/index.ts';
import type { Deps } from './deps.ts';
import { createBus } from './events/createBus.ts';
import type { EventBus } from './events/index.ts';
import { Scheduler } from './jobs/index.ts';
import { createLogger } from './logger.ts';
import { DeviceService } from './devices/service.ts';
import { KeyBackupService } from './keys/backupService.ts';
import { MailService } from './mail/service.ts';
import { QuarantineService } from './quarantine/service.ts';
import { CharterService } from './charter/service.ts';
import { RppsReferenceService } from './directory/rppsReference.ts';
import { DirectoryService } from './directory/service.ts';
import { LdapService } from './ldap/service.ts';
import { DirectoryImportService } from './directory/imports.ts';
import { rppsFileLines } from './directory/rppsFile.ts';
import { MailboxKeyService } from './mailboxes/keys.ts';
import { MailboxService } from './mailboxes/service.ts';
import { PkiService } from './pki/index.ts';
import { OrganisationService } from './organisations/service.ts';
import { SetupService } from './setup/setup.ts';
import { StatsService } from './stats/service.ts';
import { StatusService } from './status/service.ts';
import { ChatService } from './chat/service.ts';
import { TeleexpertiseAdminService } from './teleexpertise/admin.ts';
import { TeleexpertiseRequestService } from './teleexpertise/requests.ts';

/** Everything a running instance is made of, wired once; adapters (HTTP, CLI) only call into it. */
export interface AppContext extends Deps {
  secretSource: InstanceSecret['source'];
  scheduler: Scheduler;
  sessions: SessionService;
  login: LoginService;
  setup: SetupService;
  activation: ActivationService;
  registrations: RegistrationService;
  users: UserService;
  organisations: OrganisationService;
  mailboxes: MailboxService;
  devices: DeviceService;
  keyBackups: KeyBackupService;
  pki: PkiService;
  mailboxKeys: MailboxKeyService;
  mail: MailService;
  rppsReference: RppsReferenceService;
  directory: DirectoryService;
  addressBook: AddressBookService;
  /** LDAP adapter's service (tree, credentials, operations); the listener is started by main.ts. */
  ldap: LdapService;
  directoryImports: DirectoryImportService;
  charter: CharterService;
  quarantine: QuarantineService;
  stats: StatsService;
  status: StatusService;
  chat: ChatService;
  teleexpertiseAdmin: TeleexpertiseAdminService;
  teleexpertise: TeleexpertiseRequestService;
  close(): Promise<void>;
}

export interface ContextOptions {
  clock?: Clock;
  logger?: Logger;
  bus?: EventBus;
}

export async function createContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const secret = resolveInstanceSecret(config.dataDir, config.secret);
  const logger = options.logger ?? createLogger(config);
  if (secret.source === 'generated') {
    logger.warn(
      `LIAISON_SECRET is not set: generated an instance secret in ${secret.path}. Back it up with the database; ` +
        'losing it makes the CA keys and second factors unreadable. Set LIAISON_SECRET in production.',
    );
  }
  const clock = options.clock ?? systemClock;
  const db = connectDatabase(config.database);
  await migrateToLatest(db);
  const bus = options.bus ?? (await createBus(config, logger));
  const audit = new AuditLog(db, secret.value, clock);
  const deps: Deps = { config, secret: secret.value, db, clock, audit, bus, logger };
  const scheduler = new Scheduler(db, clock, config.nodeId, {
    onError: (err) => logger.error({ err }, 'scheduled job failed'),
  });
  scheduler.register('audit.checkpoint', 3600_000, async () => {
    const head = await audit.checkpoint();
    // A copy of each checkpoint outside the database: wiping events, head and checkpoints together
    // would otherwise leave no trace.
    if (head) logger.info({ auditCheckpoint: head }, 'audit checkpoint');
  });
  const sessions = new SessionService(deps);
  const activation = new ActivationService(deps);
  const limiter = new RateLimiter(deps);
  const devices = new DeviceService(deps, sessions, limiter);
  const pki = new PkiService(deps);
  // CRLs are re-signed when fetched and a day old; this keeps them fresh when nobody fetches them.
  scheduler.register('pki.crl', 24 * 3600_000, () => pki.refreshCrls());
  const rppsReference = new RppsReferenceService(deps);
  const rppsPath = config.rppsExtractionPath;
  if (rppsPath) {
    // The national file is republished daily; the operator's download job drops it at this path.
    scheduler.register('directory.rpps-refresh', 24 * 3600_000, async () => {
      const summary = await rppsReference.importLines(rppsFileLines(rppsPath), { source: rppsPath });
      logger.info({ rppsImport: summary }, 'RPPS reference refreshed');
    });
  }
  const directory = new DirectoryService(deps);
  const status = new StatusService(deps);
  // Alert emails to establishments wait in the database until the relay takes them (retried with backoff).
  scheduler.register('status.alerts', 30_000, () => status.deliverAlerts());
  const teleexpertise = new TeleexpertiseRequestService(deps);
  // Acceptance skips, 75 % reminders and queued requests meeting an expert who just came on duty.
  scheduler.register('teleexpertise.tick', 60_000, () => teleexpertise.tick());
  return {
    ...deps,
    secretSource: secret.source,
    scheduler,
    sessions,
    login: new LoginService(deps, sessions, limiter),
    setup: new SetupService(deps),
    activation,
    registrations: new RegistrationService(deps, activation),
    users: new UserService(deps),
    organisations: new OrganisationService(deps, activation),
    mailboxes: new MailboxService(deps),
    devices,
    keyBackups: new KeyBackupService(deps, devices),
    pki,
    mailboxKeys: new MailboxKeyService(deps),
    mail: new MailService(deps, devices),
    rppsReference,
    directory,
    addressBook: new AddressBookService(deps),
    ldap: new LdapService(deps, limiter, directory),
    directoryImports: new DirectoryImportService(deps),
    charter: new CharterService(deps),
    quarantine: new QuarantineService(deps),
    stats: new StatsService(deps),
    status,
    chat: new ChatService(deps),
    teleexpertiseAdmin: new TeleexpertiseAdminService(deps),
    teleexpertise,
    async close() {
      await scheduler.stop();
      await bus.close();
      await db.close();
    },
  };
}
