/** The raw variables Liaison reads; `.env.example` documents each one. Nothing else reads process.env. */
export const ENV_VARS = [
  'LIAISON_DATA_DIR',
  'LIAISON_HTTP_PORT',
  'LIAISON_HTTP_HOST',
  'LIAISON_PUBLIC_URL',
  'LIAISON_DATABASE_URL',
  'LIAISON_SECRET',
  'LIAISON_MAIL_DOMAIN',
  'LIAISON_TLS_CERT',
  'LIAISON_TLS_KEY',
  'LIAISON_SMTP_RELAY_URL',
  'LIAISON_LOG_LEVEL',
  'LIAISON_NODE_ID',
  'LIAISON_MAIL_MAX_BYTES',
  'LIAISON_RATE_LIMIT',
  'LIAISON_LOGIN_ATTEMPTS',
  'LIAISON_RPPS_EXTRACTION',
  'LIAISON_DIRECTORY_PUBLIC',
  'LIAISON_LDAP_PORT',
  'LIAISON_LDAP_PLAIN_PORT',
  'LIAISON_LDAP_BASE_DN',
  'LIAISON_BULK_MESSAGE_RECIPIENTS',
  'LIAISON_BULK_HOURLY_RECIPIENTS',
  'LIAISON_POSTAGE_UNIT_COST',
  'LIAISON_NATIONAL_EHPAD',
  'LIAISON_NATIONAL_EHPAD_BEDS',
  'LIAISON_SUPPORT_HOURS',
  'LIAISON_SMTP_FROM',
  'LIAISON_NATS_URL',
] as const;
export type EnvVar = (typeof ENV_VARS)[number];
export type RawEnv = Partial<Record<EnvVar, string>>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): RawEnv {
  const raw: RawEnv = {};
  for (const name of ENV_VARS) {
    const value = env[name]?.trim();
    if (value) raw[name] = value;
  }
  return raw;
}
