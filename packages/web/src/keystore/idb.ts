/**
 * The raw IndexedDB API behind promises: open with an upgrade callback, run one transaction, read a
 * request. Nothing Liaison-specific here; see keystore.ts for what is stored.
 */

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available in this browser'));
      return;
    }
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => {
      const db = request.result;
      // A newer version opened in another tab: step aside rather than block its upgrade.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`cannot open IndexedDB "${name}"`));
    request.onblocked = () => reject(new Error(`IndexedDB "${name}" is held open by another tab`));
  });
}

/**
 * Runs `work` in one transaction and resolves with its result once the transaction has committed
 * (not merely when the last request succeeded), so "saved" means on disk; any failure aborts it all.
 * `work` may await IndexedDB requests only: awaiting anything else lets the transaction commit early.
 */
export function inTransaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    let result: T;
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    work(tx).then(
      (value) => {
        result = value;
      },
      (error: unknown) => {
        try {
          tx.abort();
        } catch {
          // Already finished: nothing left to undo.
        }
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
