/**
 * TEST HOOKS, for the crash-safety and retry tests only (packages/cli/test/fetch.test.ts and
 * send.test.ts): they let a test stop the real binary at an exact point, as a power cut or a killed
 * process would, and check what a rerun does. Unset in normal use; nothing else reads these variables.
 *
 *   LIAISON_FETCH_FAULT=mid-write       exit 70 once a letter's first file is written to its temporary
 *                                       name, before it is renamed into place
 *   LIAISON_FETCH_FAULT=before-sidecar  exit 70 once the letter's files are in place, before the sidecar
 *   LIAISON_FETCH_FAULT=before-ack      exit 70 once the sidecar is written, before the acknowledgement
 *   LIAISON_SEND_FAULT=lose-response    `liaison send` treats the answer to its first submission as lost
 *                                       (as a dropped connection would), so it retries with the same id
 */
export type FetchFault = 'mid-write' | 'before-sidecar' | 'before-ack';

/** Exit code of an injected crash: EX_SOFTWARE, unlike any code the commands return themselves. */
const EXIT_INJECTED = 70;

export function fetchFault(point: FetchFault): void {
  if (process.env.LIAISON_FETCH_FAULT !== point) return;
  // Abrupt on purpose: no cleanup, no pending writes flushed, as a crash would leave things.
  process.exit(EXIT_INJECTED);
}

export function sendLosesFirstResponse(): boolean {
  return process.env.LIAISON_SEND_FAULT === 'lose-response';
}
