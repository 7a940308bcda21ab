import { checkAdeli } from './adeli.ts';
import { checkFiness } from './finess.ts';
import { checkNir } from './nir.ts';
import type { IdCheckResult, IdKind } from './result.ts';
import { checkRpps } from './rpps.ts';

const CHECKERS: Record<IdKind, (raw: string) => IdCheckResult> = {
  rpps: checkRpps,
  adeli: checkAdeli,
  finess: checkFiness,
  nir: checkNir,
};

/** Checks `value` as an identifier of `kind`; never throws for bad input, the reason says what is wrong. */
export function checkId(kind: IdKind, value: string): IdCheckResult {
  return CHECKERS[kind](value);
}
