/**
 * `liaison directory …`: the national RPPS reference. Console commands: they act on the configured
 * database, like `liaison admin`.
 *
 *   liaison directory import FILE            an establishment's CSV/XLSX entries (remote, signed in)
 *   liaison directory import-rpps FILE       streams the open-data extraction into the reference
 *   liaison directory generate-rpps --out F  writes a synthetic extraction of the same shape
 *
 * Exit codes: 0 done, 1 refused (`RPPS_HEADER_INVALID: …`, unreadable file), 78 configuration error.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { generateRppsExtraction, RppsHeaderError } from '@liaison/core/rpps/index';
import { rppsFileLines } from '@liaison/server/directory/rppsFile';
import { reportError, withContext } from '../context.ts';
import { importDirectoryFile, type ImportOptions } from '../directory/importFile.ts';
import { action } from '../failure.ts';

export function registerDirectoryCommands(program: Command): void {
  const directory = program.command('directory').description('the directory and its national RPPS reference');
  directory
    .command('import')
    .description("upload your establishment's entries (CSV or XLSX): dry run, then all-or-nothing import")
    .argument('<file>', 'the .csv or .xlsx file')
    .option('--organisation <id>', 'the establishment (default: the one you administer)')
    .option('--dry-run', 'only check the file and print what would happen')
    .option('--json', 'print the result as one JSON line')
    .action(action(async (file: string, options: ImportOptions) => importDirectoryFile(file, options)));
  directory
    .command('import-rpps')
    .description(
      'import the national RPPS extraction (PS_LibreAcces_Personne_activite, pipe-separated UTF-8)',
    )
    .argument('<file>', 'the extraction file')
    .option('--json', 'print the summary as one JSON line')
    .action(async (file: string, options: { json?: boolean }) => {
      try {
        await importRpps(file, options.json === true);
      } catch (err) {
        if (err instanceof RppsHeaderError) {
          process.stderr.write(`RPPS_HEADER_INVALID: ${err.message}\n`);
          process.exitCode = 1;
          return;
        }
        reportError(err);
      }
    });
  directory
    .command('generate-rpps')
    .description('write a synthetic extraction with the national header (tests, benchmarks; no real person)')
    .requiredOption('--out <file>', 'where to write it')
    .option('--persons <n>', 'how many professionals', '1000')
    .option('--seed <n>', 'same seed, same file', '1')
    .option('--bad-key-rate <r>', 'share of RPPS numbers with a wrong key, as in the national file', '0')
    .action(async (options: { out: string; persons: string; seed: string; badKeyRate: string }) => {
      try {
        await generateRpps(
          options.out,
          Number(options.persons),
          Number(options.seed),
          Number(options.badKeyRate),
        );
      } catch (err) {
        reportError(err);
      }
    });
}

async function importRpps(file: string, json: boolean): Promise<void> {
  // Progress follows the bytes read: the number of persons is known only at the end.
  const bar = new SingleBar({
    format: 'RPPS {bar} {percentage}% | {persons} professionals',
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  let persons = 0;
  const lines = rppsFileLines(file, (read, total) => {
    if (!started) {
      bar.start(total, 0, { persons });
      started = true;
    }
    bar.update(read, { persons });
  });
  let warningsShown = 0;
  const summary = await withContext((ctx) =>
    ctx.rppsReference.importLines(lines, {
      source: file,
      onProgress: (count) => {
        persons = count;
      },
      onWarning: (warning) => {
        // The national file has thousands of test identities: show the first few, count the rest.
        if (warningsShown++ < 5)
          process.stderr.write(`\nline ${warning.line}: ${warning.kind}: ${warning.message}\n`);
      },
    }),
  ).finally(() => {
    if (started) bar.stop();
  });
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `${summary.persons} professionals: ${summary.added} added, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged, ${summary.left} left the reference, ${summary.returned} back; ` +
      `${summary.badKeys} with a wrong RPPS key (kept), ${summary.warnings} warnings\n`,
  );
}

async function generateRpps(out: string, persons: number, seed: number, badKeyRate: number): Promise<void> {
  if (!Number.isInteger(persons) || persons < 0)
    throw Object.assign(new Error('--persons must be a whole number'), { code: 'VALIDATION_FAILED' });
  const stream = createWriteStream(out, { encoding: 'utf8' });
  for (const line of generateRppsExtraction({ persons, seed, badKeyRate })) {
    // Respect back-pressure: 1.9 M lines must not pile up in memory.
    if (!stream.write(`${line}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  process.stderr.write(`wrote ${persons} synthetic professionals to ${out}\n`);
}
