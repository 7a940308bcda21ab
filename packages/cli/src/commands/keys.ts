/**
 * `liaison keys …`: personal keys on this machine (see ../keystore.ts for the keystore layout and why
 * private keys sit there unencrypted, like ssh keys). Every sub-command takes --home DIR (default
 * $LIAISON_HOME, else ~/.liaison). Exit codes: 0 done, 1 refused (CODE: message on stderr), 3 this
 * device waits for approval (the code and what to do are printed).
 */
import type { Command } from 'commander';
import { action } from '../failure.ts';
import { keystoreHome } from '../keystore.ts';
import { keysBackup } from '../keys/backup.ts';
import { devicesApprove, devicesConnector, devicesList, devicesRevoke } from '../keys/devices.ts';
import { keysExport } from '../keys/export.ts';
import { keysInit } from '../keys/init.ts';
import { keysRestore } from '../keys/restore.ts';
import { keysShow } from '../keys/show.ts';

const HOME = ['--home <dir>', 'keystore directory (default: LIAISON_HOME or ~/.liaison)'] as const;
const PASSPHRASE_FILE = [
  '--passphrase-file <file>',
  'read the passphrase from this file instead of asking on standard input',
] as const;

interface HomeOption {
  home?: string;
}

export function registerKeysCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description('personal signing and encryption keys, their backup and this machine as a device');

  keys
    .command('init')
    .description(
      'first device: enrol this machine, make and certify the keys, upload the backup (requires `liaison login`)',
    )
    .option(...HOME)
    .option(...PASSPHRASE_FILE)
    .option('--device-name <name>', 'how this machine is listed among your devices')
    .option('--force', 'make new keys even though active certificates without a backup exist')
    .action(
      action(async (opts: HomeOption & { passphraseFile?: string; deviceName?: string; force?: boolean }) =>
        keysInit({ ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  keys
    .command('restore')
    .description('another device: enrol this machine and, once approved, restore the keys from the backup')
    .option(...HOME)
    .option(...PASSPHRASE_FILE)
    .option('--device-name <name>', 'how this machine is listed among your devices')
    .action(
      action(async (opts: HomeOption & { passphraseFile?: string; deviceName?: string }) =>
        keysRestore({ ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  keys
    .command('backup')
    .description('upload the whole key history of this keystore as the backup (a new passphrase may be set)')
    .option(...HOME)
    .option(...PASSPHRASE_FILE)
    .option('--force', 'upload even if the server knows certificates whose keys are not here')
    .action(
      action(async (opts: HomeOption & { passphraseFile?: string; force?: boolean }) =>
        keysBackup({ ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  keys
    .command('show')
    .description('list your certificates: usage, serial, state, validity, addresses, whether the key is here')
    .option(...HOME)
    .option('--json', 'print as JSON')
    .option('--offline', 'do not ask the server for the states')
    .action(
      action(async (opts: HomeOption & { json?: boolean; offline?: boolean }) =>
        keysShow({ ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  keys
    .command('export')
    .description(
      'write a private key as PEM (passphrase-protected PKCS#8 unless --unencrypted) with its certificate',
    )
    .requiredOption('--usage <usage>', 'signing | encryption')
    .requiredOption('--out <file>', 'where to write the key (created with mode 0600)')
    .option('--serial <serial>', 'an older key of the history (default: the current one)')
    .option('--cert-out <file>', 'write the certificate to this file instead of after the key')
    .option('--unencrypted', 'write the key in the clear ("PRIVATE KEY")')
    .option(...PASSPHRASE_FILE)
    .option('--force', 'overwrite existing files')
    .option(...HOME)
    .action(
      action(
        async (
          opts: HomeOption & {
            usage: string;
            out: string;
            serial?: string;
            certOut?: string;
            unencrypted?: boolean;
            passphraseFile?: string;
            force?: boolean;
          },
        ) => keysExport({ ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  const devices = keys
    .command('devices')
    .description('your devices: list (default), approve a new one, revoke one');
  devices
    .command('list', { isDefault: true })
    .description('list your devices (* marks this session’s)')
    .option('--json', 'print as JSON')
    .option(...HOME)
    .action(
      action(async (opts: HomeOption & { json?: boolean }) =>
        devicesList({ ...opts, home: keystoreHome(opts.home) }),
      ),
    );
  devices
    .command('approve')
    .description('approve a new device with the code it shows (from an enrolled device)')
    .argument('<code...>', 'the 6-digit code, spaces allowed')
    .option(...HOME)
    .action(
      action(async (code: string[], opts: HomeOption) =>
        devicesApprove(code, { home: keystoreHome(opts.home) }),
      ),
    );
  devices
    .command('connector')
    .description(
      'make this machine an unattended connector: a revocable token valid a year (for fetch --watch)',
    )
    .argument('<name>', 'a name you will recognise in the device list, e.g. "Logiciel du cabinet"')
    .option(...HOME)
    .action(
      action(async (name: string, opts: HomeOption) =>
        devicesConnector(name, { home: keystoreHome(opts.home) }),
      ),
    );
  devices
    .command('revoke')
    .description('revoke a device: its sessions and tokens stop working at once')
    .argument('<id>', 'device id (see `keys devices list`)')
    .option(...HOME)
    .action(
      action(async (id: string, opts: HomeOption) => devicesRevoke(id, { home: keystoreHome(opts.home) })),
    );
}
