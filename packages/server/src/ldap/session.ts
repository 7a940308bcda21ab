/** Who is on the other end of one LDAP connection, after its last bind. */
export type LdapSession =
  | { kind: 'anonymous' }
  | {
      kind: 'establishment';
      organisationId: string;
      finess: string;
      bindDn: string;
      /** When the password it bound with was issued: a re-issue revokes open connections. */
      credentialIssuedAt: string;
    };

export type EstablishmentSession = Extract<LdapSession, { kind: 'establishment' }>;

export const ANONYMOUS: LdapSession = { kind: 'anonymous' };

/** The establishment whose own entries (pending, unlisted) this session may see, if any. */
export function ownOrganisation(session: LdapSession): string | null {
  return session.kind === 'establishment' ? session.organisationId : null;
}
