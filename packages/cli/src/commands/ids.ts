/**
 * `liaison ids check <kind> <value…>`: checks an RPPS, ADELI, FINESS or NIR number the same way the
 * server and the web app do (packages/core), for scripts and for support staff on the phone.
 *
 * Exit codes: 0 valid, 1 invalid, 2 unknown kind. The value may be given in several words
 * (`ids check nir 1 84 12 76 451 089 46`): they are joined, as spaces are ignored anyway.
 */
import { checkId, ID_KINDS, isIdKind, type IdCheckResult } from '@liaison/core';
import type { Command } from 'commander';

interface CheckOptions {
  readonly json?: boolean;
}

export function registerIdsCommand(program: Command): void {
  const ids = program.command('ids').description('French health identifiers (RPPS, ADELI, FINESS, NIR)');
  ids
    .command('check')
    .description(`check an identifier; kind is one of ${ID_KINDS.join(', ')}`)
    .argument('<kind>', ID_KINDS.join(' | '))
    .argument('<value...>', 'the identifier; spaces are ignored')
    .option('--json', 'print one JSON line {"kind","value","valid","reason"}')
    .action((kind: string, valueWords: string[], options: CheckOptions) => {
      runCheck(kind, valueWords.join(' '), options);
    });
}

function runCheck(kind: string, value: string, options: CheckOptions): void {
  if (!isIdKind(kind)) {
    process.stderr.write(`unknown identifier kind "${kind}": expected one of ${ID_KINDS.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const result = checkId(kind, value);
  process.stdout.write((options.json === true ? jsonLine(result) : humanLine(result)) + '\n');
  process.exitCode = result.valid ? 0 : 1;
}

/** Exactly these four keys, in this order: scripts parse this line. */
function jsonLine(result: IdCheckResult): string {
  const { kind, value, valid, reason } = result;
  return JSON.stringify({ kind, value, valid, reason });
}

/** OK / KO read the same in French and English. */
function humanLine(result: IdCheckResult): string {
  const head = `${result.kind.toUpperCase()} ${result.value}`;
  return result.valid ? `${head}: OK` : `${head}: KO (${result.reason ?? 'invalid'})`;
}
