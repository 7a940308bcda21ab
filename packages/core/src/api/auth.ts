import { z } from 'zod';
import { Email, Password, PersonName, TotpCode } from './common.ts';

/**
 * Login is two steps. The password step opens a *partial* session that can only enrol or verify TOTP;
 * the second factor upgrades it to a full session. `stage` tells the client what comes next.
 */
export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(200),
  /** CLI and API clients ask for a bearer token instead of a cookie. */
  tokenType: z.enum(['cookie', 'bearer']).default('cookie'),
});
export type LoginRequest = z.input<typeof LoginRequest>;

export const LoginStage = z.enum(['totp', 'enrol-totp', 'done']);
export type LoginStage = z.infer<typeof LoginStage>;

export const LoginResponse = z.object({
  stage: LoginStage,
  /** Only for tokenType "bearer". */
  token: z.string().optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const TotpVerifyRequest = z.strictObject({ code: TotpCode });
export const TotpEnrolResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpEnrolResponse = z.infer<typeof TotpEnrolResponse>;
export const TotpConfirmRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[0-9]{6}$/),
});
export const TotpConfirmResponse = z.object({ stage: LoginStage, recoveryCodes: z.array(z.string()) });
export type TotpConfirmResponse = z.infer<typeof TotpConfirmResponse>;

export const PasswordChangeRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const SetupStatusResponse = z.object({ needsSetup: z.boolean() });
/** First platform admin, from the one-time setup link printed at first start. */
export const SetupRequest = z.strictObject({
  token: z.string().min(20).max(200),
  email: Email,
  password: Password,
  firstName: PersonName,
  lastName: PersonName,
});
export type SetupRequest = z.input<typeof SetupRequest>;

/** Staff created by their establishment admin set their password from a one-time activation link. */
export const ActivationRequest = z.strictObject({
  token: z.string().min(20).max(200),
  password: Password,
  /** The person accepts the charter themselves: their admin registered them but cannot accept for them. */
  charterVersion: z.number().int().positive(),
});
