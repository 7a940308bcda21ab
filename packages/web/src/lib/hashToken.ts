/**
 * Reads `token` from the URL fragment (`#token=…`). One-time links carry their secret there because a
 * fragment is never sent to the server, so it cannot end up in access logs or proxies.
 */
export function readHashToken(hash: string = window.location.hash): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token !== null && token.length > 0 ? token : null;
}

/** Drops the fragment from the address bar so the secret does not linger in history or screenshots. */
export function forgetHash(): void {
  if (window.location.hash) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}
