import { z } from 'zod';

/**
 * Charter versions: a platform admin publishes a new version; everyone who accepted an older one is
 * asked again at their next sign-in, and sending waits until they accept. Texts are numbered
 * articles ("Article 4 — …") because refusals cite them.
 */
const CharterText = z.strictObject({
  title: z.string().trim().min(3).max(200),
  text: z.string().trim().min(20).max(50_000),
});

export const PublishCharterRequest = z.strictObject({ fr: CharterText, en: CharterText });
export type PublishCharterRequest = z.input<typeof PublishCharterRequest>;

export const AcceptCharterRequest = z.strictObject({ version: z.number().int().positive() });
export type AcceptCharterRequest = z.input<typeof AcceptCharterRequest>;

export const CharterVersionInfo = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  /** How many accounts accepted this version. */
  acceptances: z.number().int(),
});
export type CharterVersionInfo = z.infer<typeof CharterVersionInfo>;
