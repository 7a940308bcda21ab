/**
 * Zod schemas for forms and API bodies: they accept the raw input, output the normalised value, and
 * report the stable reason as the issue message.
 */
import { z } from 'zod';
import { checkId } from './check.ts';
import type { IdKind } from './result.ts';

export function idSchema(kind: IdKind) {
  return z.string().transform((raw, ctx) => {
    const result = checkId(kind, raw);
    if (result.reason !== null) {
      ctx.addIssue({ code: 'custom', message: result.reason, params: { kind } });
      return z.NEVER;
    }
    return result.value;
  });
}

export const RppsSchema = idSchema('rpps');
export const AdeliSchema = idSchema('adeli');
export const FinessSchema = idSchema('finess');
export const NirSchema = idSchema('nir');
