import {
  MailItem,
  MailList,
  MailMessage,
  MailRecipient,
  SubmittedMessage,
  type MailFolder,
  type SubmitMessageRequest,
} from '@liaison/core/api/mail';
import { MailPrecheck, type MailPrecheckRequest } from '@liaison/core/api/usage';
import { api, apiNoContent, ApiError, CLIENT_ERROR_CODES } from './client.ts';
import { arrayOf, integer, object, schema, string } from './shapes.ts';

/**
 * The secure-mail API (packages/server/src/mail/routes.ts). Only ciphertext and routing metadata go
 * through here: sealing and opening happen in src/mailCrypto.
 */

/** What a mailbox page lists: a folder, or the archived items of both folders. */
export const MAIL_VIEWS = ['inbox', 'sent', 'archive'] as const;
export type MailView = (typeof MAIL_VIEWS)[number];

export function isMailView(value: string | null): value is MailView {
  return value !== null && (MAIL_VIEWS as readonly string[]).includes(value);
}

/**
 * react-query keys of mail. Everything under `['mail', address]` is server state of one mailbox and
 * is refetched when the WebSocket says that mailbox changed. Decrypted content lives under
 * `['mail-plain', userId]`: a message's ciphertext never changes, so it is never refetched for a
 * mailbox change, and `queryClient.clear()` at logout drops it with the rest.
 */
export const mailKeys = {
  all: ['mail'] as const,
  box: (address: string) => ['mail', address] as const,
  list: (address: string, view: MailView) => ['mail', address, 'list', view] as const,
  unread: (address: string) => ['mail', address, 'unread'] as const,
  status: (address: string, id: string) => ['mail', address, 'status', id] as const,
  recipients: (q: string) => ['mail-recipients', q] as const,
  caChain: ['pki-ca-chain'] as const,
  plain: (userId: string) => ['mail-plain', userId] as const,
  personalKeys: (userId: string) => ['mail-plain', userId, 'keys'] as const,
  /** The keys that open one mailbox's mail (its own key versions for a shared mailbox). */
  decryptionKeys: (userId: string, address: string) =>
    ['mail-plain', userId, 'decryption-keys', address] as const,
  summary: (userId: string, item: Pick<MailItem, 'mailbox' | 'folder' | 'id'>) =>
    ['mail-plain', userId, 'summary', item.mailbox, item.folder, item.id] as const,
  letter: (userId: string, address: string, folder: MailFolder | null, id: string) =>
    ['mail-plain', userId, 'letter', address, folder, id] as const,
  /**
   * "Would this message be held?" for one set of compose inputs (`inputs`: the request as JSON). Under
   * the From mailbox so a change there (a letter just sent counts in the hourly total) asks again.
   */
  precheck: (from: string, inputs: string) => ['mail', from, 'precheck', inputs] as const,
  /** A reply or forward's starting values, made from the opened original. */
  composeStart: (userId: string, address: string, kind: string, folder: MailFolder, id: string) =>
    ['mail-plain', userId, 'compose-start', address, kind, folder, id] as const,
};

const box = (address: string) => `/api/mail/boxes/${encodeURIComponent(address)}/messages`;
const folderQuery = (folder: MailFolder | null | undefined) => (folder ? `?folder=${folder}` : '');

export function fetchMailList(address: string, query: { view: MailView; before?: number; limit?: number }) {
  const params = new URLSearchParams({ view: query.view, limit: String(query.limit ?? 50) });
  if (query.before !== undefined) params.set('before', String(query.before));
  return api(`${box(address)}?${params.toString()}`, MailList);
}

/** Unread inbox items: the listing answers it with any page, so ask for the smallest one. */
export async function fetchUnreadCount(address: string): Promise<number> {
  return (await fetchMailList(address, { view: 'inbox', limit: 1 })).unread;
}

/** The ciphertext of one letter; the first fetch by a recipient marks it delivered. */
export function fetchMailMessage(address: string, id: string, folder: MailFolder | null) {
  return api(`${box(address)}/${encodeURIComponent(id)}${folderQuery(folder)}`, MailMessage);
}

export function updateMailItem(
  address: string,
  id: string,
  folder: MailFolder,
  changes: { read?: boolean; archived?: boolean },
) {
  return api(`${box(address)}/${encodeURIComponent(id)}${folderQuery(folder)}`, MailItem, {
    method: 'PATCH',
    body: changes,
  });
}

export function deleteMailItem(address: string, id: string, folder: MailFolder) {
  return apiNoContent(`${box(address)}/${encodeURIComponent(id)}${folderQuery(folder)}`, {
    method: 'DELETE',
  });
}

/**
 * 201 the first time, 200 for a retry of the same id and bytes, 202 when a usage rule held it for a
 * technician's review (`hold` set): all answer the same shape.
 */
export function submitMessage(request: SubmitMessageRequest) {
  return api('/api/mail/messages', SubmittedMessage, { method: 'POST', body: request });
}

/** The bulk-mail rules a message would trip if sent now (nothing is stored). */
export function precheckMail(request: MailPrecheckRequest, signal?: AbortSignal) {
  return api('/api/mail/precheck', MailPrecheck, {
    method: 'POST',
    body: request,
    ...(signal ? { signal } : {}),
  });
}

export function fetchMessageStatus(id: string) {
  return api(`/api/mail/messages/${encodeURIComponent(id)}/status`, SubmittedMessage);
}

/** Verified mailboxes with an encryption certificate, by name, establishment or address (q ≥ 2). */
export function searchRecipients(q: string, signal?: AbortSignal) {
  return api(`/api/mail/recipients?q=${encodeURIComponent(q)}`, MailRecipient.array(), {
    ...(signal ? { signal } : {}),
  });
}

/** Any JSON, for the core helpers that check answers with their own schemas (client/certificates). */
const anyJson = {
  safeParse: (value: unknown) => ({ success: true as const, data: value }),
};

export function getJson(path: string): Promise<unknown> {
  return api(path, anyJson);
}

/**
 * The instance's CA chain (issuing then root), the trust anchors of signature checks. Plain PEM, not
 * JSON, so not through `api()`; failures read like the other calls' failures.
 */
export async function fetchCaChainPem(): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/pki/ca.pem', { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'network error');
  }
  if (!response.ok) throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
  const pem = await response.text();
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ApiError(response.status, CLIENT_ERROR_CODES.badResponse, 'ca.pem holds no certificate');
  }
  return pem;
}

// Contract: packages/server/src/mailboxes/keys.ts (MailboxKeyForMember).
const checkMailboxKey = object({
  keyId: string,
  version: integer,
  certificateSerial: string,
  envelope: string,
  createdAt: string,
});
export type MailboxKeyVersion = ReturnType<typeof checkMailboxKey>;

/** The key versions of a shared mailbox, each wrapped (CMS) to the caller's encryption certificate. */
export function fetchMailboxKeys(mailboxId: string) {
  return api(`/api/mailboxes/${encodeURIComponent(mailboxId)}/keys`, schema(arrayOf(checkMailboxKey)));
}
